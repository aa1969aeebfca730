import { describe, expect, it } from "vitest";
import { safeCallbackUrl, safeRedirectUrl, sameOriginPath } from "./callback-url";

// Each of these lands on another origin in some browser or after some decoding; all must be refused.
const OFF_SITE = [
  "https://evil.example/",
  "http://localhost:3000.evil.example/",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "/%2F%2Fevil.example",
  "/%2f/evil.example",
  "/%252F%252Fevil.example",
  "/%09/evil.example/",
  "/\t/evil.example/",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%0A/evil.example",
  "/%0d%0a/evil.example",
  "/%00/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/\u0000/evil.example",
  "javascript:alert(1)",
  "/%E0%A4%A",
];

describe("sameOriginPath", () => {
  it("keeps same-origin paths, normalised, with their query and fragment", () => {
    expect(sameOriginPath("/audit?action=user.")).toBe("/audit?action=user.");
    expect(sameOriginPath("/releases/abc#approvals")).toBe("/releases/abc#approvals");
    expect(sameOriginPath("/a/../releases")).toBe("/releases");
    expect(sameOriginPath("/audit?q=hello+world&actor=a%40b.example")).toBe("/audit?q=hello+world&actor=a%40b.example");
  });

  for (const url of OFF_SITE) {
    it(`refuses ${JSON.stringify(url)}`, () => {
      expect(sameOriginPath(url)).toBeNull();
    });
  }
});

describe("safeCallbackUrl", () => {
  it("keeps same-origin pages", () => {
    expect(safeCallbackUrl("/audit?action=user.")).toBe("/audit?action=user.");
    expect(safeCallbackUrl(["/releases", "/x"])).toBe("/releases");
  });

  it("refuses other origins and loops back to the sign-in page", () => {
    for (const url of [...OFF_SITE, "/signin", "/signin?callbackUrl=/x", "/api/v1/me", "", undefined, null]) {
      expect(safeCallbackUrl(url), JSON.stringify(url)).toBe("/overview");
    }
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const baseUrl = "http://localhost:3000";

  it("keeps relative paths and absolute URLs on our own origin", () => {
    expect(safeRedirectUrl({ url: "/releases?x=1", baseUrl })).toBe("http://localhost:3000/releases?x=1");
    expect(safeRedirectUrl({ url: "/signin", baseUrl })).toBe("http://localhost:3000/signin");
    expect(safeRedirectUrl({ url: "http://localhost:3000/audit", baseUrl })).toBe("http://localhost:3000/audit");
  });

  it("sends everything else to the Overview on our own origin", () => {
    for (const url of [...OFF_SITE, "http://localhost:3001/audit", "not a url"]) {
      expect(safeRedirectUrl({ url, baseUrl }), JSON.stringify(url)).toBe("http://localhost:3000/overview");
    }
    expect(safeRedirectUrl({ url: "http://localhost:3000//evil.example", baseUrl })).toBe("http://localhost:3000/overview");
  });
});
