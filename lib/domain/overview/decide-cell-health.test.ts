import { describe, expect, it } from "vitest";
import { computeErrorBudget } from "../slo/compute-error-budget";
import { decideCellHealth } from "./decide-cell-health";

const none = { P1: 0, P2: 0, P3: 0, P4: 0 };
const fine = computeErrorBudget({ objectivePercent: 99.9, total: 10_000, bad: 1 });
const quiet = { requests: 0, errors: 0 };

describe("decideCellHealth", () => {
  it("is healthy with no P1/P2, a low error rate and budget left; P3 and P4 alone do not make it unhealthy", () => {
    expect(decideCellHealth({ openAlerts: { ...none, P3: 2, P4: 1 }, lastHour: { requests: 1000, errors: 10 }, budget: fine })).toEqual({
      unhealthy: false,
      reasons: [],
    });
  });

  it("is unhealthy with an open P1 or P2, and says how many", () => {
    expect(decideCellHealth({ openAlerts: { ...none, P1: 1 }, lastHour: quiet, budget: fine }).reasons).toEqual(["1 open P1 alert"]);
    expect(decideCellHealth({ openAlerts: { ...none, P2: 3 }, lastHour: quiet, budget: fine })).toEqual({
      unhealthy: true,
      reasons: ["3 open P2 alerts"],
    });
  });

  it("judges the error rate only above 1 % and with at least 100 requests", () => {
    expect(decideCellHealth({ openAlerts: none, lastHour: { requests: 1000, errors: 11 }, budget: fine }).reasons).toEqual([
      "error rate 1.1% over the last hour, above 1%",
    ]);
    expect(decideCellHealth({ openAlerts: none, lastHour: { requests: 1000, errors: 10 }, budget: fine }).unhealthy).toBe(false);
    expect(decideCellHealth({ openAlerts: none, lastHour: { requests: 99, errors: 99 }, budget: fine }).unhealthy).toBe(false);
  });

  it("is unhealthy when the budget is spent, never for not enough data", () => {
    const spent = computeErrorBudget({ objectivePercent: 99.9, total: 10_000, bad: 10 });
    expect(decideCellHealth({ openAlerts: none, lastHour: quiet, budget: spent }).reasons).toEqual(["error budget spent"]);
    const thin = computeErrorBudget({ objectivePercent: 99.9, total: 5, bad: 5 });
    expect(decideCellHealth({ openAlerts: none, lastHour: quiet, budget: thin }).unhealthy).toBe(false);
  });
});
