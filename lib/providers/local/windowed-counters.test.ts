import { describe, expect, it } from "vitest";
import { createWindowedCounters } from "./windowed-counters";

const T0 = 1_700_000_000_000;

describe("createWindowedCounters", () => {
  it("sums the seconds of the window, including the partial current one, and nothing before it", () => {
    const counters = createWindowedCounters({ columns: 2, retainSeconds: 60 });
    counters.add(T0 - 10_000, [5, 1]); // 10 s before: outside a 10 s window ending at T0 + 0.5 s
    counters.add(T0 - 9_000, [3, 0]);
    counters.add(T0, [1, 1]);
    counters.add(T0 + 500, [1, 0]);
    expect([...counters.sum({ endMs: T0 + 500, seconds: 10 })]).toEqual([5, 1]);
    expect([...counters.sum({ endMs: T0 + 500, seconds: 11 })]).toEqual([10, 2]);
    expect([...counters.sum({ endMs: T0 - 1, seconds: 10 })]).toEqual([8, 1]);
  });

  it("forgets a slot's old second when the ring comes round to it", () => {
    const counters = createWindowedCounters({ columns: 1, retainSeconds: 5 });
    counters.add(T0, [7]);
    counters.add(T0 + 5_000, [2]); // same slot, five seconds later
    expect([...counters.sum({ endMs: T0 + 5_000, seconds: 5 })]).toEqual([2]);
    // A window longer than what is kept is cut to the ring's length.
    expect([...counters.sum({ endMs: T0 + 5_000, seconds: 3600 })]).toEqual([2]);
  });
});
