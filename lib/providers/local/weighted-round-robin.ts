// Smooth weighted round-robin (nginx's): deterministic, and every window of 100 picks matches the weights
// to within one request, so a 10 % canary gets 10 % of any 1,000 requests, not "about 10 % on average".
export type WeightedRoundRobin<T> = {
  /** The next choice, or undefined when no entry has a weight above 0. */
  next: () => T | undefined;
};

export function createWeightedRoundRobin<T>(entries: { value: T; weight: number }[]): WeightedRoundRobin<T> {
  const live = entries.filter((e) => e.weight > 0).map((e) => ({ ...e, current: 0 }));
  const total = live.reduce((sum, e) => sum + e.weight, 0);
  return {
    next: () => {
      let best: (typeof live)[number] | undefined;
      for (const entry of live) {
        entry.current += entry.weight;
        if (!best || entry.current > best.current) best = entry;
      }
      if (!best) return undefined;
      best.current -= total;
      return best.value;
    },
  };
}
