// Per-revision counters the proxy keeps: requests, status classes, undeliverable requests and a latency
// histogram. Cumulative since the revision started, like Prometheus counters, so readers diff two samples.
import type { RevisionMetrics } from "../types";

export const LATENCY_BOUNDS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

export type RequestMetrics = {
  record: (options: { status: number; ms: number; proxyError?: boolean }) => void;
  snapshot: (revision: string) => RevisionMetrics;
};

export function bucketIndex(ms: number): number {
  const index = LATENCY_BOUNDS_MS.findIndex((bound) => ms <= bound);
  return index === -1 ? LATENCY_BOUNDS_MS.length : index;
}

export function createRequestMetrics(): RequestMetrics {
  const statusClasses = { "1xx": 0, "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0 };
  const counts = Array.from({ length: LATENCY_BOUNDS_MS.length + 1 }, () => 0);
  let requests = 0;
  let proxyErrors = 0;
  let sum = 0;
  return {
    record: ({ status, ms, proxyError }) => {
      requests += 1;
      const klass = `${Math.min(5, Math.max(1, Math.floor(status / 100)))}xx` as keyof typeof statusClasses;
      statusClasses[klass] += 1;
      if (proxyError) proxyErrors += 1;
      counts[bucketIndex(ms)]! += 1;
      sum += ms;
    },
    snapshot: (revision) => ({
      revision,
      requests,
      statusClasses: { ...statusClasses },
      proxyErrors,
      latencyMs: { boundsMs: [...LATENCY_BOUNDS_MS], counts: [...counts], sum: Math.round(sum * 1000) / 1000, count: requests },
    }),
  };
}
