// Counters kept per second for the last hour, so a reader can ask for "the last 5 minutes" rather than
// diffing cumulative totals it sampled itself. A ring of fixed slots: memory stays bounded however long a
// revision runs, and a second with no traffic costs nothing.

/** The longest window a reader may ask for; triggers allow up to an hour. */
export const RETAIN_SECONDS = 3600;

export type WindowedCounters = {
  /** Adds `values` (one per column) into the bucket of the second `atMs` falls in. */
  add: (atMs: number, values: ArrayLike<number>) => void;
  /** Column sums over the `seconds` whole or partial seconds that end with the one `endMs` falls in. */
  sum: (options: { endMs: number; seconds: number }) => Float64Array;
};

export function createWindowedCounters({
  columns,
  retainSeconds = RETAIN_SECONDS,
}: {
  columns: number;
  retainSeconds?: number;
}): WindowedCounters {
  const seconds = new Float64Array(retainSeconds).fill(-1);
  const slots: (Float64Array | undefined)[] = new Array(retainSeconds);
  return {
    add: (atMs, values) => {
      const second = Math.floor(atMs / 1000);
      const slot = second % retainSeconds;
      let bucket = slots[slot];
      if (!bucket) bucket = slots[slot] = new Float64Array(columns);
      if (seconds[slot] !== second) {
        // The slot last held a second an hour (or more) ago: that data has left every window.
        bucket.fill(0);
        seconds[slot] = second;
      }
      for (let i = 0; i < columns; i++) bucket[i]! += values[i] ?? 0;
    },
    sum: ({ endMs, seconds: span }) => {
      const last = Math.floor(endMs / 1000);
      const first = last - Math.min(span, retainSeconds) + 1;
      const total = new Float64Array(columns);
      for (let slot = 0; slot < retainSeconds; slot++) {
        const second = seconds[slot]!;
        if (second < first || second > last) continue;
        const bucket = slots[slot]!;
        for (let i = 0; i < columns; i++) total[i]! += bucket[i]!;
      }
      return total;
    },
  };
}
