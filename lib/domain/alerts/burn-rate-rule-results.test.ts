// The burn-rate decision as alert rule results, on hand-computed windows of a 99.9 % objective (a budget of
// 0.1 % bad requests): 2 % errors burns 20×, 0.7 % burns 7×, 0.15 % burns 1.5×, 0.05 % burns 0.5×.
import { describe, expect, it } from "vitest";
import { decideBurnRateAlerts } from "../slo/decide-burn-rate-alerts";
import { burnRateRuleResults } from "./burn-rate-rule-results";

const windows = (errorsPer10k: Record<"5m" | "30m" | "1h" | "6h" | "3d", number | null>) =>
  Object.fromEntries(
    Object.entries(errorsPer10k).map(([w, errors]) => [w, errors === null ? { requests: 10, errors: 0 } : { requests: 10_000, errors }]),
  ) as Record<"5m" | "30m" | "1h" | "6h" | "3d", { requests: number; errors: number }>;

const results = (errorsPer10k: Parameters<typeof windows>[0]) =>
  burnRateRuleResults(decideBurnRateAlerts({ objectivePercent: 99.9, windows: windows(errorsPer10k) }));

const states = (r: ReturnType<typeof results>) => Object.fromEntries(r.map((x) => [x.fingerprint, `${x.severity} ${x.state}`]));

describe("burnRateRuleResults", () => {
  it("pages P1 for a fast burn (20× over 1 h and 5 min), and every rule whose two windows exceed its factor fires", () => {
    const r = results({ "5m": 200, "30m": 200, "1h": 200, "6h": 200, "3d": 200 });
    expect(states(r)).toEqual({ "burn:fast": "P1 firing", "burn:medium": "P2 firing", "burn:slow": "P3 firing" });
    expect(r[0]).toMatchObject({ value: 20, condition: "burn rate ≥ 14.4× over 1h and over 5m" });
    expect(r[0]!.name).toBe("Error budget burning 14.4× over 1h and 5m (page)");
  });

  it("does not page for a spike that has stopped: the 1 h window burns 20× but the last 5 min only 0.5×", () => {
    const r = results({ "5m": 5, "30m": 70, "1h": 200, "6h": 70, "3d": 15 });
    expect(states(r)).toEqual({ "burn:fast": "P1 ok", "burn:medium": "P2 firing", "burn:slow": "P3 firing" });
  });

  it("opens only a P3 ticket for a slow leak (1.5× over 3 d and 6 h)", () => {
    expect(states(results({ "5m": 15, "30m": 15, "1h": 15, "6h": 15, "3d": 15 }))).toEqual({
      "burn:fast": "P1 ok",
      "burn:medium": "P2 ok",
      "burn:slow": "P3 firing",
    });
  });

  it("is unknown where a window had too few requests to judge, never a page or a resolution", () => {
    const r = results({ "5m": null, "30m": 5, "1h": 5, "6h": 5, "3d": 5 });
    expect(states(r)).toEqual({ "burn:fast": "P1 unknown", "burn:medium": "P2 ok", "burn:slow": "P3 ok" });
  });

  it("is unknown for every rule when the history could not be read", () => {
    const r = burnRateRuleResults(null);
    expect(r.map((x) => x.state)).toEqual(["unknown", "unknown", "unknown"]);
    expect(r.every((x) => x.reason === "the SLI history could not be read" && x.value === null)).toBe(true);
  });
});
