import { describe, expect, it } from "vitest";
import type { AnalysisTrigger } from "@/lib/domain/analysis/analysis-config";
import { thresholdValues } from "./threshold-values";

const errors: AnalysisTrigger = {
  kind: "threshold",
  name: "errors",
  metric: "error_rate",
  comparison: ">",
  threshold: 5,
  windowSeconds: 10,
  enabled: true,
  dryRun: false,
};
const baseline: AnalysisTrigger = {
  kind: "baseline",
  name: "p95 vs stable",
  metric: "p95",
  maxIncreasePercent: 50,
  windowSeconds: 60,
  enabled: true,
  dryRun: true,
};

describe("thresholdValues", () => {
  const lookup = thresholdValues({ triggers: [errors, baseline] });

  it("gives the number of a fixed threshold the stored text still describes", () => {
    expect(lookup({ trigger: "errors", metric: "error_rate", threshold: "error_rate > 5 % over 10 s" })).toBe(5);
  });

  it("gives none once the trigger was edited, renamed or removed, and none for a baseline trigger", () => {
    expect(lookup({ trigger: "errors", metric: "error_rate", threshold: "error_rate > 2 % over 10 s" })).toBeNull();
    expect(lookup({ trigger: "errors", metric: "p99", threshold: "error_rate > 5 % over 10 s" })).toBeNull();
    expect(lookup({ trigger: "gone", metric: "error_rate", threshold: "error_rate > 5 % over 10 s" })).toBeNull();
    expect(lookup({ trigger: "p95 vs stable", metric: "p95", threshold: "p95 more than 50 % above stable over 60 s" })).toBeNull();
  });
});
