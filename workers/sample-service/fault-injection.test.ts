import { describe, expect, it } from "vitest";
import { createErrorSchedule } from "./fault-injection";

describe("createErrorSchedule", () => {
  it("fails exactly the configured share, evenly", () => {
    for (const rate of [0, 0.1, 0.5, 1]) {
      const shouldFail = createErrorSchedule(rate);
      const failures = Array.from({ length: 1000 }, () => shouldFail()).filter(Boolean).length;
      expect(failures).toBe(rate * 1000);
    }
    const half = createErrorSchedule(0.5);
    expect(Array.from({ length: 4 }, () => half())).toEqual([true, false, true, false]);
  });
});
