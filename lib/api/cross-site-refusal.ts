// Cross-site request forgery: any page a signed-in person opens — including one on another port or a sibling
// subdomain of the same site, which SameSite=Lax treats as "same site" — can make the browser send a form
// or a "simple" fetch to the API with the session cookie attached. Two rules close that for cookie-borne
// mutations: the body must be declared application/json (a cross-origin page cannot send that without a
// CORS preflight, which the API never grants), and the browser's Origin header must be the app's own.
// A request with an Authorization header is authenticated by its token, not by ambient cookies: no rule.
import { AppError } from "./app-error";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type Input = {
  method: string;
  headers: Headers;
  /** origins the app is served from: NEXTAUTH_URL's and the one the request itself was sent to */
  allowedOrigins: readonly string[];
};

/** True for a state-changing request that a browser could have sent with the session cookie. */
export function isCookieMutation({ method, headers }: Pick<Input, "method" | "headers">): boolean {
  return !SAFE_METHODS.has(method.toUpperCase()) && !headers.has("authorization") && headers.has("cookie");
}

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

function mediaType(headers: Headers): string {
  return (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** The AppError that refuses a cross-site-capable request, or null when it may proceed. Pure. */
export function crossSiteRefusal({ method, headers, allowedOrigins }: Input): AppError | null {
  if (!isCookieMutation({ method, headers })) return null;
  const origin = headers.get("origin");
  const allowed = allowedOrigins.map(originOf).filter(Boolean);
  if (!origin || !allowed.includes(originOf(origin))) {
    return new AppError(
      "forbidden",
      origin
        ? `This request came from ${origin}, not from Flightdeck's own pages, so it was refused. Scripts and CI should send an API token as \`Authorization: Bearer <token>\` instead of the session cookie.`
        : "A change made with the session cookie must carry the browser's Origin header, and this one has none. Scripts and CI should send an API token as `Authorization: Bearer <token>` instead of the session cookie.",
    );
  }
  if (mediaType(headers) !== "application/json") {
    return new AppError(
      "unsupported_media_type",
      `Send the request with \`Content-Type: application/json\` (it had ${mediaType(headers) ? `\`${mediaType(headers)}\`` : "none"}), even when the body is empty.`,
    );
  }
  return null;
}

/** The origins a request may legitimately come from: the configured public URL and the host it was sent to. */
export function allowedOriginsFor(request: Request, publicUrl: string | undefined): string[] {
  const origins = publicUrl ? [publicUrl] : [];
  const host = request.headers.get("host");
  // The scheme comes from the server (it honours X-Forwarded-Proto), the host from what the browser sent:
  // a page cannot forge Host, and behind a proxy that rewrites it NEXTAUTH_URL supplies the origin.
  if (host) origins.push(`${new URL(request.url).protocol}//${host}`);
  return origins;
}
