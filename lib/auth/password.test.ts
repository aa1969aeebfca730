import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword, verifyPasswordInConstantTime } from "./password";

describe("scrypt passwords", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("refuses malformed stored hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$1$2$3$salt$hash")).toBe(false);
  });

  it("spends scrypt work even when there is no stored hash, and never accepts", async () => {
    const stored = await hashPassword("secret");
    const time = async (run: () => Promise<unknown>) => {
      const started = performance.now();
      await run();
      return performance.now() - started;
    };
    // Median of several runs each, so one slow sample on a busy machine decides nothing.
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const missing: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      known.push(await time(() => verifyPasswordInConstantTime("wrong", stored)));
      missing.push(await time(() => verifyPasswordInConstantTime("wrong", null)));
    }
    expect(await verifyPasswordInConstantTime("", null)).toBe(false);
    expect(await verifyPasswordInConstantTime("secret", undefined)).toBe(false);
    expect(await verifyPasswordInConstantTime("secret", stored)).toBe(true);
    expect(median(missing)).toBeGreaterThan(median(known) / 3);
    // A dozen deliberate scrypt runs: seconds on a busy machine.
  }, 60_000);
});
