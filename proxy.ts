// Pages: a fresh Content-Security-Policy nonce per request, and the security headers. Next reads the
// nonce from the request's CSP header while rendering and puts it on its own scripts, so inline scripts
// run only when Next wrote them. API routes are left out of the matcher on purpose: a proxy makes Next
// buffer every request body it sees (up to 10 MB) before the handler runs, which would defeat the API's
// 1 MiB limit; the route wrapper sets their headers instead.
import { type NextRequest, NextResponse } from "next/server";
import { isHttpsUrl, pageContentSecurityPolicy, securityHeaders } from "@/lib/api/security-headers";
import { env } from "@/lib/env";

export function proxy(request: NextRequest): NextResponse {
  const e = env();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const isHttps = isHttpsUrl(e.NEXTAUTH_URL);
  const csp = pageContentSecurityPolicy({ nonce, isDev: e.NODE_ENV === "development", isHttps });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(securityHeaders({ csp, isHttps }))) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
