import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const from = (xff: string | undefined, trustedProxies = 0) =>
  clientAddress({ headers: new Headers(xff === undefined ? {} : { "x-forwarded-for": xff }), trustedProxies });

describe("clientAddress", () => {
  it("reads the address Next.js or the one trusted proxy appended: the rightmost entry", () => {
    expect(from("127.0.0.1")).toBe("127.0.0.1");
    expect(from("6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(from("6.6.6.6, 203.0.113.9", 0)).toBe("203.0.113.9");
  });

  it("skips the entries of further trusted proxies, never trusting what the caller wrote on the left", () => {
    expect(from("6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    expect(from("203.0.113.9", 3)).toBe("203.0.113.9");
  });

  it("normalises IPv4-mapped IPv6 and case", () => {
    expect(from("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(from("2001:DB8::1")).toBe("2001:db8::1");
  });

  it("puts junk in one bucket and says when there is no address", () => {
    expect(from("not-an-ip")).toBe("invalid");
    expect(from("1.2.3.4, <script>")).toBe("invalid");
    expect(from(undefined)).toBe("unknown");
    expect(from(" , ")).toBe("unknown");
  });

  it("reads plain header records as next-auth passes them", () => {
    expect(clientAddress({ headers: { "x-forwarded-for": "198.51.100.7" }, trustedProxies: 0 })).toBe("198.51.100.7");
    expect(clientAddress({ headers: {}, trustedProxies: 0 })).toBe("unknown");
  });
});
