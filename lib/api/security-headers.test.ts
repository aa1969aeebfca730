import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY, isHttpsUrl, pageContentSecurityPolicy, securityHeaders, withHeaders } from "./security-headers";

describe("pageContentSecurityPolicy", () => {
  it("allows scripts only with the nonce, forbids framing and plugins, and upgrades requests only on https", () => {
    const csp = pageContentSecurityPolicy({ nonce: "abc123", isDev: false, isHttps: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(pageContentSecurityPolicy({ nonce: "n", isDev: true, isHttps: true })).toMatch(/'unsafe-eval'.*upgrade-insecure-requests$/);
  });
});

describe("securityHeaders", () => {
  it("always sends nosniff, DENY and a referrer policy; HSTS only over https", () => {
    const plain = securityHeaders({ csp: API_CONTENT_SECURITY_POLICY, isHttps: false });
    expect(plain).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ csp: "x", isHttps: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}/);
    expect([isHttpsUrl("https://a.example"), isHttpsUrl("http://a.example"), isHttpsUrl(undefined)]).toEqual([true, false, false]);
  });

  it("sets headers on a response, copying it when its headers are immutable", async () => {
    const mutable = withHeaders(Response.json({ ok: true }), { "X-Frame-Options": "DENY" });
    expect(mutable.headers.get("x-frame-options")).toBe("DENY");
    const immutable = Response.redirect("http://test/elsewhere", 302);
    const copied = withHeaders(immutable, { "X-Frame-Options": "DENY" });
    expect(copied.headers.get("x-frame-options")).toBe("DENY");
    expect(copied.status).toBe(302);
  });
});
