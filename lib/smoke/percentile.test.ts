import { describe, expect, it } from "vitest";
import { allowedAbove, percentile } from "./percentile";

describe("percentile (nearest rank)", () => {
  it("picks a measured value", () => {
    expect(percentile({ values: [30, 10, 20, 50, 40], p: 95 })).toBe(50);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile({ values: hundred, p: 95 })).toBe(95);
    expect(percentile({ values: hundred, p: 50 })).toBe(50);
    expect(percentile({ values: [7], p: 95 })).toBe(7);
    expect(percentile({ values: [], p: 95 })).toBeNull();
  });

  it("says how many samples may be slow before the p95 is", () => {
    expect(allowedAbove({ count: 5, p: 95 })).toBe(0);
    expect(allowedAbove({ count: 20, p: 95 })).toBe(1);
    expect(allowedAbove({ count: 100, p: 95 })).toBe(5);
    // Consistent with percentile(): 5 slow values of 100 leave the p95 on a fast one, 6 do not.
    const values = (slow: number) => Array.from({ length: 100 }, (_, i) => (i < slow ? 5000 : 10));
    expect(percentile({ values: values(5), p: 95 })).toBe(10);
    expect(percentile({ values: values(6), p: 95 })).toBe(5000);
  });
});
