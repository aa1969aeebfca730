import { describe, expect, it } from "vitest";
import { histogramQuantile } from "./histogram-quantile";

const boundsMs = [100, 250, 500];

describe("histogramQuantile", () => {
  it("interpolates inside the bucket that holds the quantile", () => {
    // 100 requests: 50 ≤ 100 ms, 40 in (100, 250], 10 in (250, 500]. p95 is the 95th: 5 of the last 10 → 375 ms.
    expect(histogramQuantile({ q: 0.95, boundsMs, counts: [50, 40, 10, 0] })).toBe(375);
    // p50 is the 50th request, the last of the first bucket: its upper bound.
    expect(histogramQuantile({ q: 0.5, boundsMs, counts: [50, 40, 10, 0] })).toBe(100);
    // From 0 in the first bucket: p50 of 50 requests all ≤ 100 ms is the 25th, halfway: 50 ms.
    expect(histogramQuantile({ q: 0.5, boundsMs, counts: [50, 0, 0, 0] })).toBe(50);
  });

  it("reads the highest bound in the overflow bucket, and null without requests", () => {
    expect(histogramQuantile({ q: 0.99, boundsMs, counts: [1, 0, 0, 99] })).toBe(500);
    expect(histogramQuantile({ q: 0.95, boundsMs, counts: [0, 0, 0, 0] })).toBeNull();
  });
});
