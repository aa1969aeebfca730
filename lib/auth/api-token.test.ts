import { describe, expect, it } from "vitest";
import { generateApiToken, hashApiToken, TOKEN_PREFIX } from "./api-token";

describe("API tokens", () => {
  it("are random, prefixed, and stored only as a hash", () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a.token.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(hashApiToken(a.token));
    expect(a.tokenHash).not.toContain(a.token.slice(4));
    expect(a.token.startsWith(a.prefix)).toBe(true);
    expect(a.token.length).toBeGreaterThanOrEqual(36);
  });
});
