import { describe, expect, it } from "vitest";
import { estimateBudgetRecovery, type HourlyCounts } from "./estimate-budget-recovery";

const HOUR = 3_600_000;
const now = new Date("2026-12-02T12:00:00Z");
// a 1-day window of 24 hours, 1,000 requests each, for easy arithmetic
const day = (errorsAt: Record<number, number>): HourlyCounts[] =>
  Array.from({ length: 24 }, (_, i) => ({ start: new Date(now.getTime() - (24 - i) * HOUR), requests: 1_000, errors: errorsAt[i] ?? 0 }));

describe("estimateBudgetRecovery", () => {
  it("is now when the budget is not spent", () => {
    expect(estimateBudgetRecovery({ objectivePercent: 99, hours: day({ 5: 10 }), windowDays: 1, now })).toEqual(now);
  });

  it("is when the hour holding the failures leaves the window", () => {
    // 24,000 requests at 99 % allow 240; 500 failures in the 4th oldest hour spend it. Dropping hours 0–2
    // (no failures) does not help; dropping hour 3 does: it leaves at its start + 1 h + 1 day.
    const recovers = estimateBudgetRecovery({ objectivePercent: 99, hours: day({ 3: 500 }), windowDays: 1, now });
    expect(recovers).toEqual(new Date(now.getTime() - 21 * HOUR + HOUR + 24 * HOUR));
  });

  it("waits for enough failures to leave when they are spread out", () => {
    // 300 failures in hour 0 and 200 in hour 10: after hour 0 leaves, 200 remain against ~240 allowed
    const recovers = estimateBudgetRecovery({ objectivePercent: 99, hours: day({ 0: 300, 10: 200 }), windowDays: 1, now });
    expect(recovers).toEqual(new Date(now.getTime() - 24 * HOUR + HOUR + 24 * HOUR));
  });

  it("is null without any traffic", () => {
    expect(estimateBudgetRecovery({ objectivePercent: 99.9, hours: [], windowDays: 30, now })).toBeNull();
  });
});
