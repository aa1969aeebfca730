// The address a request came from, for per-address sign-in limits and the audit log. Next.js does not hand
// route handlers the socket address; it puts it in X-Forwarded-For when the request carries none. A reverse
// proxy appends the address it saw, so the trustworthy entry is the one added by the nearest proxy we trust:
// the rightmost entry with no proxy or one, the second from the right with two, and so on. Entries further
// left were written by the caller and can be anything.
import { isIP } from "node:net";

type HeaderSource = Pick<Headers, "get"> | Record<string, string | string[] | undefined>;

function isHeaders(headers: HeaderSource): headers is Pick<Headers, "get"> {
  return typeof headers.get === "function";
}

function header(headers: HeaderSource, name: string): string | undefined {
  if (isHeaders(headers)) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

/** IPv4 seen through an IPv6 socket ("::ffff:10.0.0.1") is the same client as "10.0.0.1". */
function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1]! : address).toLowerCase();
}

/**
 * The client address under `trustedProxies` reverse proxies, or "unknown". A value that is not an IP address
 * is reported as "invalid", so callers who send junk share one bucket rather than each getting their own.
 */
export function clientAddress({ headers, trustedProxies }: { headers: HeaderSource; trustedProxies: number }): string {
  const entries = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return "unknown";
  const entry = entries[Math.max(0, entries.length - Math.max(1, trustedProxies))]!;
  const address = normalise(entry);
  return isIP(address) ? address : "invalid";
}
