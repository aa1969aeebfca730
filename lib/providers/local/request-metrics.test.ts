import { describe, expect, it } from "vitest";
import { bucketIndex, createRequestMetrics, LATENCY_BOUNDS_MS } from "./request-metrics";

describe("createRequestMetrics", () => {
  it("counts requests by status class and latency bucket", () => {
    const metrics = createRequestMetrics();
    metrics.record({ status: 200, ms: 3 });
    metrics.record({ status: 204, ms: 12 });
    metrics.record({ status: 503, ms: 40_000 });
    metrics.record({ status: 502, ms: 1, proxyError: true });
    const snapshot = metrics.snapshot("v1");
    expect(snapshot).toMatchObject({ revision: "v1", requests: 4, proxyErrors: 1, statusClasses: { "2xx": 2, "5xx": 2, "4xx": 0 } });
    expect(snapshot.latencyMs.counts).toHaveLength(LATENCY_BOUNDS_MS.length + 1);
    expect(snapshot.latencyMs.counts[0]).toBe(2);
    expect(snapshot.latencyMs.counts.at(-1)).toBe(1);
    expect(snapshot.latencyMs).toMatchObject({ count: 4, sum: 40_016 });
  });

  it("puts a latency on a bound into that bound's bucket, and has buckets above 10 s", () => {
    expect(bucketIndex(5)).toBe(0);
    expect(bucketIndex(5.01)).toBe(1);
    expect(bucketIndex(12_000)).toBe(LATENCY_BOUNDS_MS.indexOf(20_000));
    expect(bucketIndex(30_001)).toBe(LATENCY_BOUNDS_MS.length);
  });

  it("answers for a window: only the requests of its seconds", () => {
    const seen: number[] = [];
    const metrics = createRequestMetrics({ onRecord: (r) => seen.push(r.status) });
    const t0 = 1_700_000_000_000;
    metrics.record({ status: 500, ms: 30, atMs: t0 - 301_000 }); // 301 s before: outside a 300 s window
    metrics.record({ status: 500, ms: 30, atMs: t0 - 200_000 });
    metrics.record({ status: 200, ms: 7, atMs: t0 - 1_000 });
    metrics.record({ status: 200, ms: 7, atMs: t0 });
    const window = metrics.window({ endMs: t0, seconds: 300 });
    expect(window).toMatchObject({ requests: 3, statusClasses: { "2xx": 2, "5xx": 1 }, latencyMs: { sum: 44, count: 3 } });
    expect(window.latencyMs.counts.slice(0, 4)).toEqual([0, 2, 0, 1]);
    expect(metrics.snapshot("v1").requests).toBe(4);
    expect(seen).toEqual([500, 500, 200, 200]);
  });
});
