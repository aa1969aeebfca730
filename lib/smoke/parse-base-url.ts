// The URL a smoke suite runs against: http or https only (never file:, never a URL carrying credentials).
// Pure, so forms and API schemas share it with the runner.

/** Parses the URL under test; refuses anything but http(s) without credentials. Returns a message when refused. */
export function parseBaseUrl(url: string): URL | string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "must be an absolute http:// or https:// URL";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return `must be http:// or https://, not ${parsed.protocol}//`;
  if (parsed.username || parsed.password) return "must not carry credentials: put them in a secret header";
  return parsed;
}
