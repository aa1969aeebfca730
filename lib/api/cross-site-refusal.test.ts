import { describe, expect, it } from "vitest";
import { allowedOriginsFor, crossSiteRefusal, isCookieMutation } from "./cross-site-refusal";

const APP = ["http://127.0.0.1:3000"];
const refusal = (method: string, headers: Record<string, string>, allowedOrigins = APP) =>
  crossSiteRefusal({ method, headers: new Headers(headers), allowedOrigins });
const cookieJson = { cookie: "next-auth.session-token=abc", "content-type": "application/json" };

describe("crossSiteRefusal", () => {
  it("lets a same-origin JSON mutation with the session cookie through, with or without a charset", () => {
    expect(refusal("POST", { ...cookieJson, origin: "http://127.0.0.1:3000" })).toBeNull();
    expect(
      refusal("DELETE", { ...cookieJson, "content-type": "Application/JSON; charset=utf-8", origin: "http://127.0.0.1:3000" }),
    ).toBeNull();
  });

  it("refuses another port, another host, another scheme, an opaque origin and no origin with 403", () => {
    for (const origin of ["http://127.0.0.1:3001", "http://evil.127.0.0.1.nip.io:3000", "https://127.0.0.1:3000", "null", "not a url"]) {
      const error = refusal("POST", { ...cookieJson, origin });
      expect(error?.code, origin).toBe("forbidden");
      expect(error?.message).toContain("Authorization: Bearer");
    }
    expect(refusal("PATCH", cookieJson)?.message).toMatch(/Origin header/);
  });

  it("refuses a same-origin mutation that is not declared JSON with 415, saying what to send", () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      const headers: Record<string, string> = { ...cookieJson, origin: "http://127.0.0.1:3000", "content-type": type };
      if (!type) delete headers["content-type"];
      const error = refusal("PUT", headers);
      expect(error?.code, type).toBe("unsupported_media_type");
      expect(error?.message).toContain("Content-Type: application/json");
    }
  });

  it("leaves reads, token calls and cookie-less calls alone", () => {
    expect(refusal("GET", { cookie: "a=b", origin: "http://evil.example" })).toBeNull();
    expect(refusal("HEAD", { cookie: "a=b" })).toBeNull();
    expect(refusal("POST", { cookie: "a=b", authorization: "Bearer fdt_x", "content-type": "text/plain" })).toBeNull();
    expect(refusal("POST", { "content-type": "text/plain" })).toBeNull();
    expect(isCookieMutation({ method: "post", headers: new Headers({ cookie: "a=b" }) })).toBe(true);
  });
});

describe("allowedOriginsFor", () => {
  it("takes the configured public URL's origin and the scheme and Host the request was sent with", () => {
    const request = new Request("http://localhost:4000/api/v1/releases", { headers: { host: "127.0.0.1:4000" } });
    expect(allowedOriginsFor(request, "https://deploy.example.com/")).toEqual(["https://deploy.example.com/", "http://127.0.0.1:4000"]);
    const origins = allowedOriginsFor(request, "https://deploy.example.com/");
    expect(refusal("POST", { ...cookieJson, origin: "https://deploy.example.com" }, origins)).toBeNull();
    expect(refusal("POST", { ...cookieJson, origin: "http://127.0.0.1:4000" }, origins)).toBeNull();
    expect(refusal("POST", { ...cookieJson, origin: "http://localhost:4000" }, origins)?.code).toBe("forbidden");
    expect(allowedOriginsFor(new Request("http://x/"), undefined)).toEqual([]);
  });
});
