import { describe, expect, it } from "vitest";
import { computeErrorBudget } from "./compute-error-budget";

describe("computeErrorBudget", () => {
  it("counts good, total and allowed bad by hand: 1,000,000 requests at 99.9 % allow 1,000 failures", () => {
    const budget = computeErrorBudget({ objectivePercent: 99.9, total: 1_000_000, bad: 250 });
    expect(budget).toMatchObject({ status: "ok", good: 999_750, bad: 250, total: 1_000_000 });
    if (budget.status === "not_enough_data") throw new Error("expected a budget");
    expect(budget.allowedBad).toBeCloseTo(1_000, 6);
    expect(budget.remainingRatio).toBeCloseTo(0.75, 9);
    expect(budget.availabilityPercent).toBeCloseTo(99.975, 9);
    expect(budget.reason).toContain("75% of the budget left");
  });

  it("is exhausted at exactly the allowed failures and negative past them", () => {
    const spent = computeErrorBudget({ objectivePercent: 99, total: 10_000, bad: 100 });
    expect(spent.status).toBe("exhausted");
    const over = computeErrorBudget({ objectivePercent: 99, total: 10_000, bad: 300 });
    if (over.status === "not_enough_data") throw new Error("expected a budget");
    expect(over.remainingRatio).toBeCloseTo(-2, 9);
    expect(over.reason).toContain("more than the 100");
  });

  it("says not enough data for zero traffic instead of NaN or 100 %", () => {
    const budget = computeErrorBudget({ objectivePercent: 99.9, total: 0, bad: 0 });
    expect(budget).toEqual({
      status: "not_enough_data",
      total: 0,
      minRequests: 100,
      reason: "Not enough data: 0 requests in the window, at least 100 are needed to judge the budget.",
    });
  });

  it("says not enough data below the minimum, even with failures", () => {
    expect(computeErrorBudget({ objectivePercent: 99.9, total: 99, bad: 99 }).status).toBe("not_enough_data");
  });

  it("recomputes from the same counts when the objective changes: 99.9 % spent, 99 % has 80 % left", () => {
    const counts = { total: 100_000, bad: 200 };
    const strict = computeErrorBudget({ objectivePercent: 99.9, ...counts });
    const loose = computeErrorBudget({ objectivePercent: 99, ...counts });
    expect(strict.status).toBe("exhausted");
    if (loose.status === "not_enough_data" || strict.status === "not_enough_data") throw new Error("expected budgets");
    expect(strict.allowedBad).toBeCloseTo(100, 6);
    expect(strict.remainingRatio).toBeCloseTo(-1, 9);
    expect(loose.allowedBad).toBeCloseTo(1_000, 6);
    expect(loose.remainingRatio).toBeCloseTo(0.8, 9);
  });
});
