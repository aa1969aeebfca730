// A threshold alert rule against a measurement of the serving revision, and the stored rules' schema.
import { describe, expect, it } from "vitest";
import type { Measurement } from "../analysis/measurement";
import { DEFAULT_ALERT_RULES } from "../document-defaults";
import { alertRuleSchema, alertRulesSchema } from "./alert-rule";
import { judgeAlertRule } from "./judge-alert-rule";

const rule = alertRuleSchema.parse({ name: "Error rate above 1%", metric: "error_rate", threshold: 1, severity: "P1" });
const measured = (over: Partial<Measurement>) => ({
  candidate: {
    metric: "error_rate" as const,
    revision: "r2",
    value: 2,
    sampleCount: 500,
    query: "q",
    windowSeconds: 300,
    measuredAt: "2026-12-02T10:00:00.000Z",
    phase: "ok" as const,
    ...over,
  },
  stable: null,
});

describe("judgeAlertRule", () => {
  it("fires above the threshold with enough requests", () => {
    expect(judgeAlertRule({ rule, measurements: measured({}) })).toEqual({
      fingerprint: "threshold:Error rate above 1%",
      name: "Error rate above 1%",
      severity: "P1",
      state: "firing",
      value: 2,
      condition: "error_rate > 1 % over 300 s",
      reason: "2 % > 1 % over 300 s",
    });
  });

  it("is ok at or below it", () => {
    expect(judgeAlertRule({ rule, measurements: measured({ value: 1 }) })).toMatchObject({ state: "ok", reason: "1 % ≤ 1 % over 300 s" });
  });

  it("cannot judge too few requests, no data or a failed query", () => {
    expect(judgeAlertRule({ rule, measurements: measured({ sampleCount: 49, value: 100 }) })).toMatchObject({
      state: "unknown",
      reason: "the serving revision had 49 samples in 300 s, fewer than the 50 required",
    });
    expect(judgeAlertRule({ rule, measurements: measured({ sampleCount: 0, value: null }) }).state).toBe("unknown");
    // the source's note tells a selector that matches nothing from a quiet service
    const empty = measured({ sampleCount: 0, value: null, note: "no data: the query returned an empty vector" });
    expect(judgeAlertRule({ rule, measurements: empty })).toMatchObject({
      state: "unknown",
      reason: "the serving revision had 0 samples in 300 s, fewer than the 50 required (no data: the query returned an empty vector)",
    });
    const memory = alertRuleSchema.parse({ name: "Memory above 90%", metric: "memory", threshold: 90, severity: "P2" });
    const unread = { ...measured({ metric: "memory", value: null, sampleCount: 3, note: "no data: the query returned NaN" }) };
    expect(judgeAlertRule({ rule: memory, measurements: unread }).reason).toBe(
      "no data for the serving revision despite 3 samples (no data: the query returned NaN)",
    );
    expect(judgeAlertRule({ rule, measurements: measured({ phase: "error", value: null, error: "refused" }) })).toMatchObject({
      state: "unknown",
      reason: "the serving revision's query failed: refused",
    });
  });

  it("judges a resource rule on any reading, with no request minimum", () => {
    const memory = alertRuleSchema.parse({ name: "Memory above 90%", metric: "memory", threshold: 90, severity: "P2" });
    const reading = { ...measured({ metric: "memory", value: 93, sampleCount: 3 }) };
    expect(judgeAlertRule({ rule: memory, measurements: reading })).toMatchObject({
      state: "firing",
      condition: "memory > 90 % of the limit over 300 s",
    });
  });
});

describe("alert rules schema", () => {
  it("parses the documents' rules with a 5-minute window and a 50-request minimum", () => {
    expect(
      alertRulesSchema.parse(DEFAULT_ALERT_RULES).map((r) => [r.metric, r.comparison, r.threshold, r.severity, r.windowSeconds]),
    ).toEqual([
      ["error_rate", ">", 1, "P1", 300],
      ["p95", ">", 2000, "P2", 300],
      ["memory", ">", 90, "P2", 300],
      ["cpu", ">", 85, "P3", 300],
    ]);
  });

  it("reads rules stored in the earlier shape (metric with its unit, op)", () => {
    const legacy = { name: "CPU above 85%", metric: "cpu_percent", op: ">", threshold: 85, severity: "P3" };
    expect(alertRuleSchema.parse(legacy)).toMatchObject({ metric: "cpu", comparison: ">", threshold: 85 });
  });

  it("refuses duplicate names, unknown keys, unknown metrics and severities", () => {
    const ok = { name: "x", metric: "p95", threshold: 1, severity: "P4" };
    expect(alertRulesSchema.safeParse([ok, ok]).error?.issues[0]).toMatchObject({ path: [1, "name"] });
    expect(alertRuleSchema.safeParse({ ...ok, windw: 3 }).success).toBe(false);
    expect(alertRuleSchema.safeParse({ ...ok, metric: "disk" }).success).toBe(false);
    expect(alertRuleSchema.safeParse({ ...ok, severity: "P5" }).success).toBe(false);
  });
});
