import { describe, expect, it } from "vitest";
import { computeErrorBudget } from "./compute-error-budget";
import { evaluateBudgetFreeze } from "./evaluate-budget-freeze";

const spent = computeErrorBudget({ objectivePercent: 99.9, total: 10_000, bad: 50 });
const healthy = computeErrorBudget({ objectivePercent: 99.9, total: 10_000, bad: 1 });
const recoversAt = new Date("2026-12-05T09:00:00Z");
const base = { enabled: true, budget: spent, recoversAt, kind: "deploy" as const, hotfix: false };

describe("evaluateBudgetFreeze", () => {
  it("refuses a deploy while the budget is spent, naming the rule and the recovery", () => {
    const decision = evaluateBudgetFreeze(base);
    expect(decision).toMatchObject({ allowed: false, frozen: true, bypass: null, recoversAt });
    expect(decision.reason).toMatch(
      /^Frozen: error budget spent, recovers around 2026-12-05 09:00 UTC\. Budget spent: 50 failed requests of 10000/,
    );
  });

  it("never holds a rollback", () => {
    expect(evaluateBudgetFreeze({ ...base, kind: "rollback" })).toMatchObject({ allowed: true, frozen: false });
  });

  it("lets a hotfix through, saying so", () => {
    expect(evaluateBudgetFreeze({ ...base, hotfix: true })).toMatchObject({ allowed: true, frozen: true, bypass: "hotfix" });
  });

  it("lets an override with a written reason through; a blank reason is no override", () => {
    expect(evaluateBudgetFreeze({ ...base, overrideReason: "customer fix, approved by VP" })).toMatchObject({
      allowed: true,
      bypass: "override",
    });
    expect(evaluateBudgetFreeze({ ...base, overrideReason: "   " }).allowed).toBe(false);
  });

  it("does nothing when the environment has no freeze, the budget is left, or there is not enough data", () => {
    expect(evaluateBudgetFreeze({ ...base, enabled: false }).allowed).toBe(true);
    expect(evaluateBudgetFreeze({ ...base, budget: healthy }).frozen).toBe(false);
    const none = computeErrorBudget({ objectivePercent: 99.9, total: 0, bad: 0 });
    expect(evaluateBudgetFreeze({ ...base, budget: none })).toMatchObject({ allowed: true, frozen: false });
  });
});
