// Which of a target's stored rule states an evaluation changes (lib/services/alerts/record-rule-states.ts
// writes them): a rule seen for the first time, a rule whose state changed (its `since` moves), an unknown rule
// whose reason changed (no data, too few requests and a failed query are different problems), a rule edited
// (name, severity or condition); and the stored rules the evaluation no longer has. An ok or firing rule's
// reason carries the value, which moves every interval: it is written with the state, not each time.
import type { RuleResult, RuleState } from "./rule-result";

export type StoredRuleState = Pick<RuleResult, "fingerprint" | "name" | "severity" | "condition" | "reason"> & { state: RuleState };

export type RuleStateChanges = {
  /** the results to write (whether `since` moves, the write decides from the stored state) */
  write: RuleResult[];
  /** fingerprints of stored rules the evaluation no longer has */
  remove: string[];
};

export function ruleStateChanges({ stored, results }: { stored: StoredRuleState[]; results: RuleResult[] }): RuleStateChanges {
  const before = new Map(stored.map((s) => [s.fingerprint, s]));
  const write: RuleStateChanges["write"] = [];
  for (const result of results) {
    const old = before.get(result.fingerprint);
    if (!old || old.state !== result.state) {
      write.push(result);
      continue;
    }
    const edited = old.name !== result.name || old.severity !== result.severity || old.condition !== result.condition;
    if (edited || (result.state === "unknown" && old.reason !== result.reason)) write.push(result);
  }
  const kept = new Set(results.map((r) => r.fingerprint));
  return { write, remove: stored.filter((s) => !kept.has(s.fingerprint)).map((s) => s.fingerprint) };
}
