import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./create-rate-limiter";

describe("createRateLimiter", () => {
  it("allows `limit` requests per sliding window, per key, and says when the next one fits", () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000 });
    expect(limiter.take({ key: "a", now: 0 })).toEqual({ allowed: true });
    expect(limiter.take({ key: "a", now: 100 })).toEqual({ allowed: true });
    expect(limiter.take({ key: "a", now: 200 })).toEqual({ allowed: false, retryAfterMs: 800 });
    expect(limiter.take({ key: "b", now: 200 })).toEqual({ allowed: true });
    // The first request left the window at 1000; the refused one was not counted.
    expect(limiter.take({ key: "a", now: 1001 })).toEqual({ allowed: true });
    expect(limiter.take({ key: "a", now: 1002 })).toEqual({ allowed: false, retryAfterMs: 98 });
  });

  it("allows everything with a limit of 0, and starts afresh for a forgotten key", () => {
    const off = createRateLimiter({ limit: 0, windowMs: 1000 });
    expect(Array.from({ length: 50 }, () => off.take({ key: "a", now: 0 }).allowed).every(Boolean)).toBe(true);
    const one = createRateLimiter({ limit: 1, windowMs: 1000 });
    one.take({ key: "a", now: 0 });
    one.forget("a");
    expect(one.take({ key: "a", now: 1 })).toEqual({ allowed: true });
  });
});
