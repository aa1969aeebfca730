import { describe, expect, it } from "vitest";
import type { RevisionWindow, TargetWindow } from "@/lib/providers/local/read-target-window";
import { LATENCY_BOUNDS_MS } from "@/lib/providers/local/request-metrics";
import { LocalMetricsSource } from "./local-metrics-source";

const now = new Date("2026-12-01T10:00:00Z");

function revision(
  name: string,
  { requests, errors, latencyBucket = 0 }: { requests: number; errors: number; latencyBucket?: number },
): RevisionWindow {
  const counts = LATENCY_BOUNDS_MS.map(() => 0).concat(0);
  counts[latencyBucket] = requests;
  return {
    revision: name,
    state: "running",
    requests: {
      requests,
      statusClasses: { "1xx": 0, "2xx": requests - errors, "3xx": 0, "4xx": 0, "5xx": errors },
      proxyErrors: 0,
      latencyMs: { boundsMs: [...LATENCY_BOUNDS_MS], counts, sum: 0, count: requests },
    },
    resources: { samples: 30, cpuPercent: 12.5, memoryPercent: 3, rssBytes: 1, memoryLimitBytes: 100 },
    health: { probes: 12, failures: 4, maxConsecutiveFailures: 4 },
  };
}

const window: TargetWindow = {
  endsAt: now.toISOString(),
  windowSeconds: 60,
  revisions: [revision("cand", { requests: 300, errors: 60, latencyBucket: 5 }), revision("stable", { requests: 0, errors: 0 })],
};

const source = new LocalMetricsSource({ readWindow: async ({ seconds }) => ({ ...window, windowSeconds: seconds }) });
const measure = (metric: "error_rate" | "request_rate" | "p95" | "health_failures", revisions: { candidate: string; stable?: string }) =>
  source.measure({ metric, target: { id: "t1" }, revisions, windowSeconds: 60, now });

describe("LocalMetricsSource", () => {
  it("measures the candidate and the stable revision over the same window", async () => {
    const { candidate, stable } = await measure("error_rate", { candidate: "cand", stable: "stable" });
    expect(candidate).toMatchObject({ value: 20, sampleCount: 300, phase: "ok", windowSeconds: 60, measuredAt: now.toISOString() });
    expect(candidate.query).toBe('local error_rate{target="t1",revision="cand"}[60s] = 100 × 5xx responses / proxied requests');
    // No traffic: no value and no samples, for the decision's guard to see.
    expect(stable).toMatchObject({ value: null, sampleCount: 0, phase: "ok", note: "no data: the window holds 0 samples" });
  });

  it("computes rates, quantiles and health from the window", async () => {
    expect((await measure("request_rate", { candidate: "cand" })).candidate.value).toBe(5);
    // Every request in the (100, 250] ms bucket: p95 interpolates to 100 + 150 × 0.95.
    expect((await measure("p95", { candidate: "cand" })).candidate.value).toBeCloseTo(242.5);
    expect((await measure("health_failures", { candidate: "cand" })).candidate).toMatchObject({ value: 4, sampleCount: 12 });
  });

  it("returns errors as measurements: an unknown revision, an unreachable supervisor", async () => {
    expect((await measure("error_rate", { candidate: "nope" })).candidate).toMatchObject({
      phase: "error",
      error: "revision nope does not exist on target t1",
    });
    const down = new LocalMetricsSource({ readWindow: async () => Promise.reject(new Error("connection refused")) });
    const both = await down.measure({
      metric: "p99",
      target: { id: "t1" },
      revisions: { candidate: "a", stable: "b" },
      windowSeconds: 60,
      now,
    });
    expect([both.candidate.phase, both.stable?.phase, both.candidate.error]).toEqual(["error", "error", "connection refused"]);
  });
});
