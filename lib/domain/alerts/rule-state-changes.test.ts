import { describe, expect, it } from "vitest";
import type { RuleResult } from "./rule-result";
import { ruleStateChanges, type StoredRuleState } from "./rule-state-changes";

const result = (over: Partial<RuleResult> = {}): RuleResult => ({
  fingerprint: "threshold:Error rate above 1%",
  name: "Error rate above 1%",
  severity: "P1",
  state: "ok",
  value: 0.2,
  condition: "error_rate > 1 % over 300 s",
  reason: "0.2 % ≤ 1 % over 300 s",
  ...over,
});
const stored = (over: Partial<RuleResult> = {}): StoredRuleState => {
  const { value: _value, ...rest } = result(over);
  return rest;
};

describe("ruleStateChanges", () => {
  it("writes a rule seen for the first time", () => {
    expect(ruleStateChanges({ stored: [], results: [result()] })).toEqual({
      write: [result()],
      remove: [],
    });
  });

  it("writes nothing while an ok or firing rule only sees its value move", () => {
    const changes = ruleStateChanges({ stored: [stored()], results: [result({ value: 0.4, reason: "0.4 % ≤ 1 % over 300 s" })] });
    expect(changes).toEqual({ write: [], remove: [] });
    const firing = stored({ state: "firing", reason: "2.1 % > 1 % over 300 s" });
    expect(ruleStateChanges({ stored: [firing], results: [result({ state: "firing", reason: "2.4 % > 1 % over 300 s" })] }).write).toEqual(
      [],
    );
  });

  it("writes a rule whose state changed (the write moves its `since`)", () => {
    const next = result({ state: "unknown", value: null, reason: "no data: the query returned an empty vector" });
    expect(ruleStateChanges({ stored: [stored()], results: [next] }).write).toEqual([next]);
  });

  it("rewrites an unknown rule's reason (its state, and so `since`, unchanged), and leaves the same reason alone", () => {
    const few = stored({ state: "unknown", reason: "the serving revision had 3 requests in 300 s, fewer than 50" });
    const none = result({ state: "unknown", value: null, reason: "no data: the query returned an empty vector" });
    expect(ruleStateChanges({ stored: [few], results: [none] }).write).toEqual([none]);
    expect(ruleStateChanges({ stored: [stored({ state: "unknown", reason: none.reason })], results: [none] }).write).toEqual([]);
  });

  it("rewrites an edited rule and removes the rules that went away", () => {
    const edited = result({ severity: "P2", condition: "error_rate > 2 % over 300 s" });
    const gone = stored({ fingerprint: "threshold:Old", name: "Old" });
    expect(ruleStateChanges({ stored: [stored(), gone], results: [edited] })).toEqual({
      write: [edited],
      remove: ["threshold:Old"],
    });
  });
});
