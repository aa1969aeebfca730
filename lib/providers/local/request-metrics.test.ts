import { describe, expect, it } from "vitest";
import { bucketIndex, createRequestMetrics, LATENCY_BOUNDS_MS } from "./request-metrics";

describe("createRequestMetrics", () => {
  it("counts requests by status class and latency bucket", () => {
    const metrics = createRequestMetrics();
    metrics.record({ status: 200, ms: 3 });
    metrics.record({ status: 204, ms: 12 });
    metrics.record({ status: 503, ms: 20_000 });
    metrics.record({ status: 502, ms: 1, proxyError: true });
    const snapshot = metrics.snapshot("v1");
    expect(snapshot).toMatchObject({ revision: "v1", requests: 4, proxyErrors: 1, statusClasses: { "2xx": 2, "5xx": 2, "4xx": 0 } });
    expect(snapshot.latencyMs.counts).toHaveLength(LATENCY_BOUNDS_MS.length + 1);
    expect(snapshot.latencyMs.counts[0]).toBe(2);
    expect(snapshot.latencyMs.counts.at(-1)).toBe(1);
    expect(snapshot.latencyMs).toMatchObject({ count: 4, sum: 20_016 });
  });

  it("puts a latency on a bound into that bound's bucket", () => {
    expect(bucketIndex(5)).toBe(0);
    expect(bucketIndex(5.01)).toBe(1);
    expect(bucketIndex(10_001)).toBe(LATENCY_BOUNDS_MS.length);
  });
});
