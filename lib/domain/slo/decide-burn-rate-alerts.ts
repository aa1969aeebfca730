// Which burn-rate rules fire, from each window's requests and errors: the decision the alert evaluator calls
// (lib/services/alerts plugs the result into evaluateAlertRules). Pure: no clock, no database.
import { computeBurnRate } from "./compute-burn-rate";
import { BURN_RATE_RULES, type BurnRateRule, type BurnWindow, MIN_BURN_REQUESTS } from "./burn-rate-rules";

export type WindowCounts = { requests: number; errors: number };

export type BurnRuleResult = {
  rule: BurnRateRule;
  firing: boolean;
  longBurn: number | null;
  shortBurn: number | null;
  reason: string;
};

export type BurnRateDecision = {
  /** the most urgent action among firing rules: page beats ticket */
  action: "page" | "ticket" | null;
  burnRates: Record<BurnWindow, number | null>;
  rules: BurnRuleResult[];
  reason: string;
};

const show = (burn: number | null) => (burn === null ? "unknown (not enough requests)" : `${Math.round(burn * 100) / 100}×`);

export function decideBurnRateAlerts({
  objectivePercent,
  windows,
  minRequests = MIN_BURN_REQUESTS,
  rules = BURN_RATE_RULES,
}: {
  objectivePercent: number;
  windows: Record<BurnWindow, WindowCounts>;
  minRequests?: number;
  rules?: readonly BurnRateRule[];
}): BurnRateDecision {
  const burnRates = Object.fromEntries(
    Object.entries(windows).map(([name, counts]) => [name, computeBurnRate({ objectivePercent, ...counts, minRequests })]),
  ) as Record<BurnWindow, number | null>;
  const results = rules.map((rule): BurnRuleResult => {
    const longBurn = burnRates[rule.long];
    const shortBurn = burnRates[rule.short];
    const firing = longBurn !== null && shortBurn !== null && longBurn >= rule.factor && shortBurn >= rule.factor;
    const reason = `${rule.action} when the burn rate is at least ${rule.factor}× over ${rule.long} and ${rule.short} (${rule.budgetSpent}): ${rule.long} ${show(longBurn)}, ${rule.short} ${show(shortBurn)}`;
    return { rule, firing, longBurn, shortBurn, reason };
  });
  const firing = results.filter((r) => r.firing);
  const action = firing.some((r) => r.rule.action === "page") ? "page" : firing.length > 0 ? "ticket" : null;
  const reason = firing.length > 0 ? firing.map((r) => r.reason).join("; ") : "No burn-rate rule fires.";
  return { action, burnRates, rules: results, reason };
}
