// How long to wait before the next look at something that is not ready yet: a quarter second at first, doubling
// to a ceiling of two seconds, as a controller's client backs off a long wait. A revision that gets ready in a
// second is still seen within a quarter second of it; one whose image takes a minute to pull costs 30 reads
// of its target instead of 240 (each read of a Kubernetes target is five API calls).
export const POLL_DELAY = { firstMs: 250, factor: 2, maxMs: 2_000 } as const;

/** The delay after the `attempt`-th look (0 for the first), capped at `maxMs`. */
export function pollDelayMs({
  attempt,
  firstMs = POLL_DELAY.firstMs,
  maxMs = POLL_DELAY.maxMs,
}: {
  attempt: number;
  firstMs?: number;
  maxMs?: number;
}): number {
  return Math.min(maxMs, firstMs * POLL_DELAY.factor ** Math.max(0, attempt));
}
