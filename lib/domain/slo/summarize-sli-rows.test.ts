import { describe, expect, it } from "vitest";
import { DEFAULT_SLOS } from "../document-defaults";
import { evaluateSloObjectives } from "./evaluate-slo-objectives";
import { readSloObjectives } from "./slo-objectives";
import { summarizeSliRows } from "./summarize-sli-rows";

const bounds = [100, 1_000];

describe("summarizeSliRows", () => {
  it("adds histograms bucket by bucket rather than averaging percentiles", () => {
    const rows = [
      { requests: 100, errors: 1, latencyCounts: [100, 0, 0], cpuPercent: 10, memoryPercent: 40 },
      { requests: 100, errors: 3, latencyCounts: [0, 100, 0], cpuPercent: null, memoryPercent: 60 },
    ];
    const sli = summarizeSliRows({ rows, boundsMs: bounds });
    // 200 requests, rank 190 falls 90/100 into the 100–1000 ms bucket: 100 + 900 × 0.9
    expect(sli).toEqual({ requests: 200, errors: 4, p95Ms: 910, p99Ms: 100 + 900 * 0.98, cpu: 10, memory: 50 });
  });

  it("has null percentiles and resources without rows", () => {
    expect(summarizeSliRows({ rows: [], boundsMs: bounds })).toEqual({
      requests: 0,
      errors: 0,
      p95Ms: null,
      p99Ms: null,
      cpu: null,
      memory: null,
    });
  });
});

describe("evaluateSloObjectives", () => {
  it("judges each objective, availability above and the rest below", () => {
    const statuses = evaluateSloObjectives({
      objectives: readSloObjectives(DEFAULT_SLOS),
      sli: { requests: 10_000, errors: 200, p95Ms: 900, p99Ms: 2_500, cpu: 30, memory: 85 },
    });
    expect(statuses.map((s) => [s.id, s.value, s.status])).toEqual([
      ["availability", 98, "missed"],
      ["error_rate", 2, "missed"],
      ["p95", 900, "met"],
      ["p99", 2_500, "missed"],
      ["memory", 85, "missed"],
      ["cpu", 30, "met"],
    ]);
  });

  it("says not enough data for traffic objectives with too few requests, never 100 %", () => {
    const statuses = evaluateSloObjectives({
      objectives: readSloObjectives({}),
      sli: { requests: 3, errors: 0, p95Ms: 10, p99Ms: 10, cpu: 5, memory: 20 },
    });
    expect(statuses.filter((s) => s.status === "not_enough_data").map((s) => s.id)).toEqual(["availability", "error_rate", "p95", "p99"]);
    expect(statuses.find((s) => s.id === "availability")?.value).toBeNull();
  });

  it("falls back to the documents' default for a malformed stored objective", () => {
    expect(readSloObjectives({ uptimePercent: "high", p95Ms: 500 })).toMatchObject({ uptimePercent: 99.9, p95Ms: 500 });
  });
});
