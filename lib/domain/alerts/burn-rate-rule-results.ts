// The SLOs' multiwindow burn-rate decision (lib/domain/slo) as alert rule results, so the alert lifecycle
// opens, holds and resolves them like threshold alerts. Severity follows the documents' meaning of P1–P4:
// the fast burn (2 % of the budget in an hour) is a P1 page, the medium burn a P2 page, the slow leak a P3
// ticket that waits for working hours. A burn rate that cannot be known (too few requests, history that
// could not be read) is "unknown": an open alert holds and none opens.
import type { BurnRateDecision } from "../slo/decide-burn-rate-alerts";
import { BURN_RATE_RULES, type BurnRateRule } from "../slo/burn-rate-rules";
import type { AlertSeverity } from "./alert-rule";
import type { RuleResult } from "./rule-result";

const SEVERITY: Record<string, AlertSeverity> = { fast: "P1", medium: "P2", slow: "P3" };

const severityOf = (rule: BurnRateRule): AlertSeverity => SEVERITY[rule.id] ?? (rule.action === "page" ? "P2" : "P3");

const nameOf = (rule: BurnRateRule) =>
  `Error budget burning ${rule.factor}× over ${rule.long} and ${rule.short} (${rule.action === "page" ? "page" : "ticket"})`;

const conditionOf = (rule: BurnRateRule) => `burn rate ≥ ${rule.factor}× over ${rule.long} and over ${rule.short}`;

/** One result per burn-rate rule; `decision` null (the history could not be read) makes every rule unknown. */
export function burnRateRuleResults(decision: BurnRateDecision | null): RuleResult[] {
  if (!decision) {
    return BURN_RATE_RULES.map((rule) => ({
      fingerprint: `burn:${rule.id}`,
      name: nameOf(rule),
      severity: severityOf(rule),
      state: "unknown",
      value: null,
      condition: conditionOf(rule),
      reason: "the SLI history could not be read",
    }));
  }
  return decision.rules.map(({ rule, firing, longBurn, shortBurn, reason }) => ({
    fingerprint: `burn:${rule.id}`,
    name: nameOf(rule),
    severity: severityOf(rule),
    state: firing ? "firing" : longBurn === null || shortBurn === null ? "unknown" : "ok",
    value: longBurn,
    condition: conditionOf(rule),
    reason,
  }));
}
