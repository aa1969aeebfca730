import { describe, expect, it } from "vitest";
import { computeBurnRate } from "./compute-burn-rate";
import { decideBurnRateAlerts, type WindowCounts } from "./decide-burn-rate-alerts";

const quiet: WindowCounts = { requests: 10_000, errors: 0 };
const all = (counts: WindowCounts) => ({ "5m": counts, "30m": counts, "1h": counts, "6h": counts, "3d": counts });

describe("computeBurnRate", () => {
  it("is the error ratio over the allowed ratio: 2 % errors at 99.9 % burn 20×", () => {
    expect(computeBurnRate({ objectivePercent: 99.9, requests: 1_000, errors: 20, minRequests: 50 })).toBeCloseTo(20, 9);
  });
  it("is exactly 1 when the window fails the allowed share", () => {
    expect(computeBurnRate({ objectivePercent: 99, requests: 5_000, errors: 50, minRequests: 50 })).toBeCloseTo(1, 9);
  });
  it("is null, not NaN or 0, with no traffic or too little", () => {
    expect(computeBurnRate({ objectivePercent: 99.9, requests: 0, errors: 0, minRequests: 0 })).toBeNull();
    expect(computeBurnRate({ objectivePercent: 99.9, requests: 49, errors: 49, minRequests: 50 })).toBeNull();
  });
});

describe("decideBurnRateAlerts", () => {
  it("pages on the fast pair: 2 % errors over 1 h and 5 min at 99.9 % is 20×", () => {
    const hot = { requests: 1_000, errors: 20 };
    const decision = decideBurnRateAlerts({ objectivePercent: 99.9, windows: { ...all(quiet), "5m": hot, "1h": hot } });
    expect(decision.action).toBe("page");
    expect(decision.burnRates["1h"]).toBeCloseTo(20, 9);
    expect(decision.rules.map((r) => [r.rule.id, r.firing])).toEqual([
      ["fast", true],
      ["medium", false],
      ["slow", false],
    ]);
    expect(decision.reason).toContain("at least 14.4× over 1h and 5m");
  });

  it("does not page when the long window burns but the short one has stopped", () => {
    const decision = decideBurnRateAlerts({
      objectivePercent: 99.9,
      windows: { ...all(quiet), "1h": { requests: 1_000, errors: 20 } },
    });
    expect(decision.action).toBeNull();
    expect(decision.reason).toBe("No burn-rate rule fires.");
  });

  it("fires at the factor itself: 0.6 % errors over 6 h and 30 min is exactly 6×", () => {
    const medium = { requests: 10_000, errors: 60 };
    const decision = decideBurnRateAlerts({ objectivePercent: 99.9, windows: { ...all(quiet), "6h": medium, "30m": medium } });
    expect(decision.rules.find((r) => r.rule.id === "medium")?.firing).toBe(true);
    expect(decision.action).toBe("page");
  });

  it("opens a ticket, not a page, for a slow leak at 1× over 3 d and 6 h", () => {
    const leak = { requests: 100_000, errors: 120 };
    const decision = decideBurnRateAlerts({ objectivePercent: 99.9, windows: { ...all(quiet), "3d": leak, "6h": leak } });
    expect(decision.action).toBe("ticket");
  });

  it("fires nothing with zero traffic and reports the rates as unknown", () => {
    const decision = decideBurnRateAlerts({ objectivePercent: 99.9, windows: all({ requests: 0, errors: 0 }) });
    expect(decision.action).toBeNull();
    expect(Object.values(decision.burnRates)).toEqual([null, null, null, null, null]);
    expect(decision.rules[0]!.reason).toContain("1h unknown (not enough requests)");
  });

  it("changes its answer with the objective: 1.5 % errors page at 99.9 % and only ticket at 99 %", () => {
    const windows = all({ requests: 10_000, errors: 150 });
    // 1.5 % errors: 15× at 99.9 % (pages), 1.5× at 99 % (only the ticket)
    expect(decideBurnRateAlerts({ objectivePercent: 99.9, windows }).action).toBe("page");
    expect(decideBurnRateAlerts({ objectivePercent: 99, windows }).action).toBe("ticket");
  });
});
