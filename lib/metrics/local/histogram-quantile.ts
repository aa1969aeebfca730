// A quantile from a bucketed histogram, computed the way Prometheus' histogram_quantile() does, so the
// local source and a Prometheus query over the same counters give the same p95.

/**
 * `counts[i]` requests took ≤ `boundsMs[i]` (and more than the bound before); the last count is above every
 * bound. Linear interpolation inside the bucket holding the q-th request, from 0 for the first bucket; a
 * quantile in the overflow bucket reads as the highest bound. Null without any request.
 */
export function histogramQuantile({
  q,
  boundsMs,
  counts,
}: {
  q: number;
  boundsMs: readonly number[];
  counts: readonly number[];
}): number | null {
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (total === 0) return null;
  const rank = q * total;
  let below = 0;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i]!;
    if (below + count >= rank && count > 0) {
      if (i >= boundsMs.length) return boundsMs.at(-1) ?? null;
      const lower = i === 0 ? 0 : boundsMs[i - 1]!;
      return lower + (boundsMs[i]! - lower) * ((rank - below) / count);
    }
    below += count;
  }
  return boundsMs.at(-1) ?? null;
}
