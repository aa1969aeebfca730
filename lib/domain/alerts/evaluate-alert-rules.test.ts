// The alert lifecycle's decision: opens once, stays de-duplicated while firing, resolves when judged ok or
// when its rule goes, and holds (neither opens nor resolves) when the rule could not be judged.
import { describe, expect, it } from "vitest";
import { evaluateAlertRules, type UnresolvedAlert } from "./evaluate-alert-rules";
import type { RuleResult } from "./rule-result";

const result = (over: Partial<RuleResult> = {}): RuleResult => ({
  fingerprint: "threshold:Error rate above 1%",
  name: "Error rate above 1%",
  severity: "P1",
  state: "firing",
  value: 2,
  condition: "error_rate > 1 % over 300 s",
  reason: "2 % > 1 % over 300 s",
  ...over,
});
const alert = (over: Partial<UnresolvedAlert> = {}): UnresolvedAlert => ({
  id: "a1",
  fingerprint: "threshold:Error rate above 1%",
  name: "Error rate above 1%",
  severity: "P1",
  ...over,
});

describe("evaluateAlertRules", () => {
  it("opens a firing rule that has no unresolved alert", () => {
    expect(evaluateAlertRules({ results: [result()], unresolved: [] })).toEqual({
      open: [result()],
      stillFiring: [],
      resolve: [],
      held: [],
    });
  });

  it("keeps a firing rule on its unresolved alert: no second alert", () => {
    const changes = evaluateAlertRules({ results: [result()], unresolved: [alert()] });
    expect(changes).toEqual({ open: [], stillFiring: [{ alert: alert(), result: result() }], resolve: [], held: [] });
  });

  it("resolves an alert whose rule is judged ok, saying why", () => {
    const ok = result({ state: "ok", value: 0.2, reason: "0.2 % ≤ 1 % over 300 s" });
    expect(evaluateAlertRules({ results: [ok], unresolved: [alert()] }).resolve).toEqual([
      { alert: alert(), reason: "back within the rule: 0.2 % ≤ 1 % over 300 s" },
    ]);
  });

  it("does nothing for an ok rule without an alert", () => {
    expect(evaluateAlertRules({ results: [result({ state: "ok" })], unresolved: [] })).toEqual({
      open: [],
      stillFiring: [],
      resolve: [],
      held: [],
    });
  });

  it("holds when the rule cannot be judged: no alert opens, an open one stays", () => {
    const unknown = result({ state: "unknown", value: null, reason: "too few samples" });
    expect(evaluateAlertRules({ results: [unknown], unresolved: [] })).toMatchObject({ open: [], held: [{ alert: null }] });
    expect(evaluateAlertRules({ results: [unknown], unresolved: [alert()] })).toMatchObject({
      open: [],
      resolve: [],
      held: [{ alert: alert(), result: unknown }],
    });
  });

  it("resolves an alert whose rule is gone", () => {
    expect(evaluateAlertRules({ results: [], unresolved: [alert()] }).resolve).toEqual([
      { alert: alert(), reason: "its rule was removed or switched off" },
    ]);
  });

  it("judges each rule on its own fingerprint, whatever the others do", () => {
    const p95 = result({ fingerprint: "threshold:p95", name: "p95", severity: "P2", state: "ok" });
    const burn = result({ fingerprint: "burn:page", name: "Budget burn", severity: "P1" });
    const changes = evaluateAlertRules({
      results: [result(), p95, burn],
      unresolved: [alert(), alert({ id: "a2", fingerprint: "threshold:p95", severity: "P2" })],
    });
    expect(changes.open).toEqual([burn]);
    expect(changes.stillFiring.map((c) => c.alert.id)).toEqual(["a1"]);
    expect(changes.resolve.map((c) => c.alert.id)).toEqual(["a2"]);
  });

  it("lets the first of two results with one fingerprint decide", () => {
    const changes = evaluateAlertRules({ results: [result({ state: "ok" }), result()], unresolved: [] });
    expect(changes.open).toEqual([]);
  });
});
