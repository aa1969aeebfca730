// The security headers of every response, defined once: proxy.ts adds them to pages (with a fresh CSP
// nonce per request), the route wrapper to API answers, and next.config.ts to everything else it serves
// (static files, next-auth's routes). Pure: the caller says whether the app is served over https.

/** Pages: scripts only with this request's nonce ('strict-dynamic' lets those load Next's chunks). Styles
 *  allow 'unsafe-inline' because React and Recharts write style="" attributes, which nonces cannot cover. */
export function pageContentSecurityPolicy({ nonce, isDev, isHttps }: { nonce: string; isDev: boolean; isHttps: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build reconstructs server error stacks with eval; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // On plain http this would send the browser to an https port that is not there.
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** API answers are data, never documents: nothing may run or load in them, nor frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The headers every response carries, whatever it is. */
export const BASELINE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  // frame-ancestors supersedes it where supported; older browsers only know this one.
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/** Two years, the preload list's minimum; no includeSubDomains, which would force https on sibling hosts. */
export const HSTS_VALUE = "max-age=63072000";

export function isHttpsUrl(url: string | undefined): boolean {
  return Boolean(url?.toLowerCase().startsWith("https://"));
}

/** Baseline headers, plus the CSP given and HSTS when the app is served over https. */
export function securityHeaders({ csp, isHttps }: { csp: string; isHttps: boolean }): Record<string, string> {
  return {
    ...BASELINE_SECURITY_HEADERS,
    "Content-Security-Policy": csp,
    ...(isHttps ? { "Strict-Transport-Security": HSTS_VALUE } : {}),
  };
}

/** Sets `headers` on a response in place, or on a copy when its headers are immutable (a fetched one). */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}
