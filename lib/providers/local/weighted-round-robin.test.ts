import { describe, expect, it } from "vitest";
import { createWeightedRoundRobin } from "./weighted-round-robin";

function shares(weights: Record<string, number>, picks: number): Record<string, number> {
  const rr = createWeightedRoundRobin(Object.entries(weights).map(([value, weight]) => ({ value, weight })));
  const counts: Record<string, number> = {};
  for (let i = 0; i < picks; i++) {
    const value = rr.next()!;
    counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

describe("createWeightedRoundRobin", () => {
  it.each([[{ v1: 90, v2: 10 }], [{ v1: 50, v2: 50 }], [{ v1: 75, v2: 25 }], [{ a: 33, b: 33, c: 34 }]])(
    "matches the weights %o exactly over 1,000 picks",
    (weights) => {
      const counts = shares(weights, 1000);
      for (const [name, weight] of Object.entries(weights)) expect(counts[name]).toBe(weight * 10);
    },
  );

  it("spreads the small share evenly instead of in a burst", () => {
    const rr = createWeightedRoundRobin([
      { value: "canary", weight: 10 },
      { value: "stable", weight: 90 },
    ]);
    const picks = Array.from({ length: 100 }, () => rr.next());
    const positions = picks.flatMap((p, i) => (p === "canary" ? [i] : []));
    expect(positions).toHaveLength(10);
    for (let i = 1; i < positions.length; i++) expect(positions[i]! - positions[i - 1]!).toBe(10);
  });

  it("never picks a revision at 0 and has nothing to pick when all are 0", () => {
    expect(shares({ v1: 100, v2: 0 }, 50)).toEqual({ v1: 50 });
    expect(createWeightedRoundRobin([{ value: "v1", weight: 0 }]).next()).toBeUndefined();
  });
});
