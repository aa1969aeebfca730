// Rollup rows (per minute or per hour) summed into one window's SLI: counts add up, the latency histograms
// add bucket by bucket so p95/p99 over an hour are exact to the bucket (never an average of percentiles),
// CPU and memory are the mean of the rows that had readings.
import { histogramQuantile } from "@/lib/metrics/local/histogram-quantile";

export type SliRow = {
  requests: number;
  errors: number;
  /** counts per latency bucket, the last one above every bound */
  latencyCounts: readonly number[];
  cpuPercent: number | null;
  memoryPercent: number | null;
};

export type SliSummary = {
  requests: number;
  errors: number;
  p95Ms: number | null;
  p99Ms: number | null;
  cpu: number | null;
  memory: number | null;
};

export function sumLatencyCounts(rows: readonly Pick<SliRow, "latencyCounts">[]): number[] {
  const width = Math.max(0, ...rows.map((r) => r.latencyCounts.length));
  const sum = new Array<number>(width).fill(0);
  for (const row of rows) row.latencyCounts.forEach((count, i) => (sum[i]! += count));
  return sum;
}

const mean = (values: (number | null)[]) => {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
};

export function summarizeSliRows({ rows, boundsMs }: { rows: readonly SliRow[]; boundsMs: readonly number[] }): SliSummary {
  const counts = sumLatencyCounts(rows);
  return {
    requests: rows.reduce((sum, r) => sum + r.requests, 0),
    errors: rows.reduce((sum, r) => sum + r.errors, 0),
    p95Ms: histogramQuantile({ q: 0.95, boundsMs, counts }),
    p99Ms: histogramQuantile({ q: 0.99, boundsMs, counts }),
    cpu: mean(rows.map((r) => r.cpuPercent)),
    memory: mean(rows.map((r) => r.memoryPercent)),
  };
}
