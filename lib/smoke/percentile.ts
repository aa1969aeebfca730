// Percentiles by the nearest-rank method: always one of the measured values, so "p95 of 5 requests" is
// the slowest of them and a reader can check it by hand.

/** The p-th percentile (0 < p ≤ 100) of `values`; null for no values. */
export function percentile({ values, p }: { values: number[]; p: number }): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1]!;
}

/** How many of `count` samples may exceed a threshold while the p-th percentile stays under it. */
export function allowedAbove({ count, p }: { count: number; p: number }): number {
  return count - Math.ceil((p / 100) * count);
}
