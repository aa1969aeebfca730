import { describe, expect, it } from "vitest";
import type { RevisionMetrics, TargetMetrics } from "@/lib/providers/types";
import { computeRates, estimateP95, ratesForTarget } from "./revision-rates";

const bounds = [5, 10, 25, 50, 100];

function revision(name: string, requests: number, errors: number, counts: number[]): RevisionMetrics {
  return {
    revision: name,
    requests,
    statusClasses: { "1xx": 0, "2xx": requests - errors, "3xx": 0, "4xx": 0, "5xx": errors },
    proxyErrors: 0,
    latencyMs: { boundsMs: bounds, counts, sum: 0, count: requests },
  };
}

const sample = (at: string, revisions: RevisionMetrics[]): TargetMetrics => ({ sampledAt: at, revisions });

describe("estimateP95", () => {
  it("interpolates inside the bucket that crosses 95 %", () => {
    // 90 requests ≤ 5 ms, 10 in (5, 10]: the 95th is half-way through the second bucket.
    expect(estimateP95(bounds, [90, 10, 0, 0, 0, 0])).toBe(7.5);
  });
  it("reports the last bound when the 95th is above every bound", () => {
    expect(estimateP95(bounds, [0, 0, 0, 0, 0, 10])).toBe(100);
  });
  it("is null without requests", () => {
    expect(estimateP95(bounds, [0, 0, 0, 0, 0, 0])).toBeNull();
  });
});

describe("computeRates", () => {
  it("turns two cumulative samples into a request rate, a 5xx share and a window p95", () => {
    const before = sample("2026-01-01T00:00:00.000Z", [revision("a", 100, 0, [100, 0, 0, 0, 0, 0])]);
    const after = sample("2026-01-01T00:00:02.000Z", [revision("a", 300, 20, [100, 0, 200, 0, 0, 0])]);
    const [a] = computeRates(after, before);
    expect(a).toMatchObject({ revision: "a", requestRate: 100, errorRate: 0.1, totalRequests: 300, windowSeconds: 2 });
    expect(a!.p95Ms).toBeGreaterThan(10);
    expect(a!.p95Ms).toBeLessThanOrEqual(25);
  });
  it("starts the window at zero for a revision that restarted (counters went down)", () => {
    const before = sample("2026-01-01T00:00:00.000Z", [revision("a", 500, 0, [500, 0, 0, 0, 0, 0])]);
    const after = sample("2026-01-01T00:00:01.000Z", [revision("a", 10, 5, [10, 0, 0, 0, 0, 0])]);
    expect(computeRates(after, before)[0]).toMatchObject({ requestRate: 10, errorRate: 0.5 });
  });
  it("has no rate from a single sample", () => {
    expect(computeRates(sample("2026-01-01T00:00:00.000Z", [revision("a", 5, 0, [5, 0, 0, 0, 0, 0])]), null)[0]!.requestRate).toBeNull();
  });
});

describe("ratesForTarget", () => {
  it("compares with a sample at least 2 s older, so quick successive polls keep a real window", () => {
    const t0 = Date.parse("2026-01-01T00:00:00.000Z");
    const at = (ms: number, requests: number) =>
      sample(new Date(t0 + ms).toISOString(), [revision("a", requests, 0, [requests, 0, 0, 0, 0, 0])]);
    expect(ratesForTarget("t1", at(0, 0), t0)[0]!.requestRate).toBeNull();
    expect(ratesForTarget("t1", at(500, 50), t0 + 500)[0]!.requestRate).toBeNull();
    expect(ratesForTarget("t1", at(2_000, 200), t0 + 2_000)[0]).toMatchObject({ requestRate: 100, windowSeconds: 2 });
  });
});
