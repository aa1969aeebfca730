// One metric of one revision from the local supervisor's window: the same arithmetic the default
// Prometheus queries do over the same counters, so the two sources agree.
import type { RevisionWindow } from "@/lib/providers/local/read-target-window";
import type { Measurement, MetricName } from "../types";
import { histogramQuantile } from "./histogram-quantile";

type Value = { value: number | null; sampleCount: number; formula: string; note?: string };

function compute(metric: MetricName, window: RevisionWindow, windowSeconds: number): Value {
  const { requests, resources, health } = window;
  const quantile = (q: number): Value => ({
    value: histogramQuantile({ q, boundsMs: requests.latencyMs.boundsMs, counts: requests.latencyMs.counts }),
    sampleCount: requests.requests,
    formula: `p${q * 100} of the proxy's latency histogram (ms)`,
  });
  switch (metric) {
    case "request_rate":
      return {
        value: requests.requests / windowSeconds,
        sampleCount: requests.requests,
        formula: "proxied requests / window seconds",
      };
    case "error_rate":
      return {
        value: requests.requests > 0 ? (requests.statusClasses["5xx"] / requests.requests) * 100 : null,
        sampleCount: requests.requests,
        formula: "100 × 5xx responses / proxied requests",
      };
    case "p95":
      return quantile(0.95);
    case "p99":
      return quantile(0.99);
    case "cpu":
      return {
        value: resources.cpuPercent,
        sampleCount: resources.samples,
        formula: "100 × CPU seconds of the process group / elapsed seconds",
      };
    case "memory":
      return {
        value: resources.memoryPercent,
        sampleCount: resources.samples,
        formula: "100 × mean resident memory / the machine's memory",
      };
    case "health_failures":
      return {
        value: health.probes > 0 ? health.maxConsecutiveFailures : null,
        sampleCount: health.probes,
        formula: "longest run of failed GET /health probes (every 5 s)",
      };
    default: {
      const unknown: never = metric;
      throw new Error(`unknown metric ${String(unknown)}`);
    }
  }
}

export function describeLocalQuery({
  metric,
  targetId,
  revision,
  windowSeconds,
}: {
  metric: MetricName;
  targetId: string;
  revision: string;
  windowSeconds: number;
}): string {
  return `local ${metric}{target="${targetId}",revision="${revision}"}[${windowSeconds}s]`;
}

export function measureRevisionWindow({
  metric,
  targetId,
  window,
  revision,
  windowSeconds,
  endsAt,
}: {
  metric: MetricName;
  targetId: string;
  window: RevisionWindow | undefined;
  revision: string;
  windowSeconds: number;
  endsAt: string;
}): Measurement {
  const base = { metric, revision, windowSeconds, measuredAt: endsAt };
  const query = describeLocalQuery({ metric, targetId, revision, windowSeconds });
  if (!window)
    return {
      ...base,
      query,
      value: null,
      sampleCount: 0,
      phase: "error",
      error: `revision ${revision} does not exist on target ${targetId}`,
    };
  const { value, sampleCount, formula } = compute(metric, window, windowSeconds);
  const note = value === null ? `no data: the window holds ${sampleCount} samples` : undefined;
  return { ...base, query: `${query} = ${formula}`, value, sampleCount, phase: "ok", ...(note ? { note } : {}) };
}
