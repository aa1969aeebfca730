// The alert lifecycle's decision for one target at one evaluation: given what every rule said (RuleResult,
// from threshold rules or the SLOs' burn-rate decision) and the target's unresolved rule alerts, which alerts
// open, which are still firing (de-duplicated: no second alert, no second notification), which resolve, and
// which hold because their rule could not be judged.
import type { AlertSeverity } from "./alert-rule";
import type { RuleResult } from "./rule-result";

export type UnresolvedAlert = { id: string; fingerprint: string; name: string; severity: AlertSeverity };

export type AlertChanges = {
  /** Firing with no unresolved alert of their fingerprint: each opens one alert and one notification. */
  open: RuleResult[];
  /** Firing and already unresolved: the alert is seen again, nothing else happens. */
  stillFiring: { alert: UnresolvedAlert; result: RuleResult }[];
  /** Judged ok, or their rule is gone or switched off. */
  resolve: { alert: UnresolvedAlert; reason: string }[];
  /** Could not be judged: an unresolved alert stays as it is, none opens. */
  held: { alert: UnresolvedAlert | null; result: RuleResult }[];
};

export function evaluateAlertRules({ results, unresolved }: { results: RuleResult[]; unresolved: UnresolvedAlert[] }): AlertChanges {
  const changes: AlertChanges = { open: [], stillFiring: [], resolve: [], held: [] };
  const byFingerprint = new Map(unresolved.map((alert) => [alert.fingerprint, alert]));
  const judged = new Set<string>();
  for (const result of results) {
    // Two results of one fingerprint would be one rule defined twice: the first decides.
    if (judged.has(result.fingerprint)) continue;
    judged.add(result.fingerprint);
    const alert = byFingerprint.get(result.fingerprint) ?? null;
    if (result.state === "unknown") changes.held.push({ alert, result });
    else if (result.state === "firing") {
      if (alert) changes.stillFiring.push({ alert, result });
      else changes.open.push(result);
    } else if (alert) changes.resolve.push({ alert, reason: `back within the rule: ${result.reason}` });
  }
  for (const alert of unresolved) {
    if (!judged.has(alert.fingerprint)) changes.resolve.push({ alert, reason: "its rule was removed or switched off" });
  }
  return changes;
}
