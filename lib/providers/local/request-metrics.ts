// Per-revision counters the proxy keeps: requests, status classes, undeliverable requests and a latency
// histogram, both cumulative since the revision started (like Prometheus counters) and per second for the
// last hour (windowed-counters.ts), so "the error rate over the last 5 minutes" is one read.
import type { RevisionMetrics } from "../types";
import { createWindowedCounters } from "./windowed-counters";

// Up to 30 s: the documents' "p99 above 10 s" needs buckets above 10 s, or a p99 could never exceed it.
export const LATENCY_BOUNDS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 20000, 30000];

const STATUS_CLASSES = ["1xx", "2xx", "3xx", "4xx", "5xx"] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

/** The proxy's counters over one window. */
export type RequestWindow = Omit<RevisionMetrics, "revision">;

export type RecordedRequest = { status: number; ms: number; proxyError?: boolean };

export type RequestMetrics = {
  record: (request: RecordedRequest & { atMs?: number }) => void;
  snapshot: (revision: string) => RevisionMetrics;
  window: (options: { endMs: number; seconds: number }) => RequestWindow;
};

export function bucketIndex(ms: number): number {
  const index = LATENCY_BOUNDS_MS.findIndex((bound) => ms <= bound);
  return index === -1 ? LATENCY_BOUNDS_MS.length : index;
}

export function statusClassOf(status: number): StatusClass {
  return `${Math.min(5, Math.max(1, Math.floor(status / 100)))}xx` as StatusClass;
}

// One row of counters: [requests, 1xx…5xx, proxy errors, latency sum (ms), latency buckets…].
const COL = { requests: 0, classes: 1, proxyErrors: 6, sum: 7, buckets: 8 } as const;
const COLUMNS = COL.buckets + LATENCY_BOUNDS_MS.length + 1;

function toWindow(row: Float64Array): RequestWindow {
  const requests = row[COL.requests]!;
  return {
    requests,
    statusClasses: Object.fromEntries(STATUS_CLASSES.map((name, i) => [name, row[COL.classes + i]!])) as RequestWindow["statusClasses"],
    proxyErrors: row[COL.proxyErrors]!,
    latencyMs: {
      boundsMs: [...LATENCY_BOUNDS_MS],
      counts: Array.from(row.subarray(COL.buckets)),
      sum: Math.round(row[COL.sum]! * 1000) / 1000,
      count: requests,
    },
  };
}

/** `onRecord` sees every request too: the supervisor's Prometheus exposition counts it there. */
export function createRequestMetrics({ onRecord }: { onRecord?: (request: RecordedRequest) => void } = {}): RequestMetrics {
  const total = new Float64Array(COLUMNS);
  const perSecond = createWindowedCounters({ columns: COLUMNS });
  const row = new Float64Array(COLUMNS);
  return {
    record: ({ status, ms, proxyError, atMs = Date.now() }) => {
      row.fill(0);
      row[COL.requests] = 1;
      row[COL.classes + STATUS_CLASSES.indexOf(statusClassOf(status))] = 1;
      row[COL.proxyErrors] = proxyError ? 1 : 0;
      row[COL.sum] = ms;
      row[COL.buckets + bucketIndex(ms)] = 1;
      for (let i = 0; i < COLUMNS; i++) total[i]! += row[i]!;
      perSecond.add(atMs, row);
      onRecord?.({ status, ms, proxyError });
    },
    snapshot: (revision) => ({ revision, ...toWindow(total) }),
    window: (options) => toWindow(perSecond.sum(options)),
  };
}
