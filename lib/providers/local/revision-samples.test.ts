import { describe, expect, it } from "vitest";
import { createRevisionSamples } from "./revision-samples";

const T0 = 1_700_000_000_000;
const GiB = 1024 ** 3;

describe("createRevisionSamples", () => {
  it("computes CPU from the reading before the window to the last in it, and mean memory over the window", () => {
    const samples = createRevisionSamples();
    samples.addProcess({ atMs: T0 - 20_000, cpuSeconds: 1, rssBytes: GiB }); // before a 10 s window ending at T0
    samples.addProcess({ atMs: T0 - 5_000, cpuSeconds: 3, rssBytes: GiB / 2 });
    samples.addProcess({ atMs: T0, cpuSeconds: 6, rssBytes: GiB / 4 });
    // (6 − 1) CPU seconds over 20 s = 25 % of a core; memory (0.5 + 0.25) / 2 of 1 GiB = 37.5 %.
    expect(samples.resources({ endMs: T0, seconds: 10, memoryLimitBytes: GiB })).toEqual({
      samples: 2,
      cpuPercent: 25,
      memoryPercent: 37.5,
      rssBytes: GiB / 4,
      memoryLimitBytes: GiB,
    });
  });

  it("has no CPU figure from a single reading, and nothing for an empty window", () => {
    const samples = createRevisionSamples();
    samples.addProcess({ atMs: T0, cpuSeconds: 6, rssBytes: 100 });
    expect(samples.resources({ endMs: T0, seconds: 10, memoryLimitBytes: 1000 })).toMatchObject({
      samples: 1,
      cpuPercent: null,
      memoryPercent: 10,
    });
    expect(samples.resources({ endMs: T0 - 60_000, seconds: 10, memoryLimitBytes: 1000 })).toMatchObject({
      samples: 0,
      memoryPercent: null,
    });
  });

  it("finds the longest run of failed health probes inside the window", () => {
    const samples = createRevisionSamples();
    const results = [false, false, true, false, false, false, true, false];
    results.forEach((ok, i) => samples.addProbe({ atMs: T0 + i * 5_000, ok }));
    const end = T0 + 7 * 5_000;
    expect(samples.health({ endMs: end, seconds: 60 })).toEqual({ probes: 8, failures: 6, maxConsecutiveFailures: 3 });
    expect(samples.health({ endMs: end, seconds: 10 })).toEqual({ probes: 2, failures: 1, maxConsecutiveFailures: 1 });
    expect(samples.consecutiveFailures()).toBe(1);
  });
});
