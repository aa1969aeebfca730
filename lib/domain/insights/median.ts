// The median as people compute it by hand: the middle value, or the mean of the two middle ones.

/** The median of `values`; null for none. */
export function median({ values }: { values: readonly number[] }): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
