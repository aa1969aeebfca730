import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-origin paths with their query", () => {
    expect(safeCallbackUrl("/audit?action=user.")).toBe("/audit?action=user.");
    expect(safeCallbackUrl(["/releases", "/x"])).toBe("/releases");
  });

  it("refuses other origins and loops back to the sign-in page", () => {
    for (const url of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "/signin",
      "/signin?callbackUrl=/x",
      "/api/v1/me",
      "",
      undefined,
      null,
    ]) {
      expect(safeCallbackUrl(url)).toBe("/overview");
    }
  });
});
