// Where to go after sign-in. Only same-origin paths: an absolute or protocol-relative callbackUrl would let
// a crafted link send people to another site straight after they typed their password.
export const DEFAULT_AFTER_SIGN_IN = "/overview";

// Browsers drop tabs and newlines from URLs and read "\" as "/", so "/\t/evil.example" and "/\evil.example"
// both become "//evil.example": another origin. Any control character or backslash is refused outright.
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f\\]/;
// Values are decoded again by each hop that handles them (query string, router, redirect), so every
// decoding of the value must be safe, not only the first.
const MAX_DECODINGS = 4;
const PLACEHOLDER_ORIGIN = "http://flightdeck.invalid";

function isSafeInEveryDecoding(value: string): boolean {
  let current = value;
  for (let i = 0; i < MAX_DECODINGS; i += 1) {
    if (!current.startsWith("/") || current.startsWith("//") || UNSAFE_CHARACTER.test(current)) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return false;
    }
    if (decoded === current) return true;
    current = decoded;
  }
  return false;
}

/** The value as a normalised same-origin path (with query and fragment), or null when it could leave the site. */
export function sameOriginPath(value: string | null | undefined): string | null {
  if (!value || !isSafeInEveryDecoding(value)) return null;
  const parsed = new URL(value, PLACEHOLDER_ORIGIN);
  if (parsed.origin !== PLACEHOLDER_ORIGIN) return null;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** Where the sign-in page sends people once signed in: a same-origin page, never the sign-in page or the API. */
export function safeCallbackUrl(value: string | string[] | undefined | null): string {
  const path = sameOriginPath(Array.isArray(value) ? value[0] : value);
  if (!path || path === "/signin" || path.startsWith("/signin?") || path.startsWith("/api/")) return DEFAULT_AFTER_SIGN_IN;
  return path;
}

/**
 * next-auth's redirect callback (sign-in, OIDC return, sign-out): a relative path or an absolute URL on our
 * own origin, made safe as above. Everything else goes to the Overview on our own origin.
 */
export function safeRedirectUrl({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const origin = new URL(baseUrl).origin;
  let candidate: string | null = url;
  if (!url.startsWith("/")) {
    const absolute = URL.canParse(url) ? new URL(url) : null;
    candidate = absolute?.origin === origin ? `${absolute.pathname}${absolute.search}${absolute.hash}` : null;
  }
  return `${origin}${sameOriginPath(candidate) ?? DEFAULT_AFTER_SIGN_IN}`;
}
