// One evaluation of one serving target: each enabled threshold rule of its service measured on the revision
// that serves it, through the target's metrics source (lib/metrics/registry.ts, the analysis' sources), then
// the lifecycle decision (lib/domain/alerts) applied: open and notify once, see again, resolve and notify;
// and what each rule said recorded where it changed (record-rule-states.ts), so a rule without data is seen.
// `extraResults` is where other rules plug in (the SLOs' multiwindow burn-rate decision), already judged.
import { SYSTEM_ACTOR } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { type AlertRule, alertRulesSchema } from "@/lib/domain/alerts/alert-rule";
import { type AlertChanges, evaluateAlertRules, type UnresolvedAlert } from "@/lib/domain/alerts/evaluate-alert-rules";
import { judgeAlertRule } from "@/lib/domain/alerts/judge-alert-rule";
import type { RuleResult } from "@/lib/domain/alerts/rule-result";
import type { StoredRuleState } from "@/lib/domain/alerts/rule-state-changes";
import { createMetricsSource, type MetricsSourceOptions } from "@/lib/metrics/registry";
import { openAlert } from "./open-alert";
import { loadRuleStates, recordRuleStates } from "./record-rule-states";
import { resolveAlert } from "./resolve-alert";

export type ServingTarget = { id: string; currentRevision: string; metricsSource: unknown; service: { alertRules: unknown } };

export type EvaluateTargetAlertsInput = {
  target: ServingTarget;
  now: Date;
  extraResults?: RuleResult[];
  /** The target's unresolved rule alerts, when the caller loaded them for many targets at once. */
  unresolved?: UnresolvedAlert[];
  /** The target's stored rule states (record-rule-states.ts), likewise. */
  ruleStates?: StoredRuleState[];
  metricsOptions?: MetricsSourceOptions;
};

/** The service's rules; a stored list that no longer parses evaluates nothing and says why (it never throws the tick away). */
export function enabledRulesOf(stored: unknown): { rules: AlertRule[]; problem: string | null } {
  const parsed = alertRulesSchema.safeParse(stored ?? []);
  if (!parsed.success) return { rules: [], problem: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  return { rules: parsed.data.filter((r) => r.enabled), problem: null };
}

async function judgeRules({ target, now, metricsOptions }: EvaluateTargetAlertsInput, rules: AlertRule[]): Promise<RuleResult[]> {
  if (rules.length === 0) return [];
  const source = createMetricsSource(target.metricsSource, metricsOptions);
  return Promise.all(
    rules.map(async (rule) => {
      const measurements = await source.measure({
        metric: rule.metric,
        target: { id: target.id },
        revisions: { candidate: target.currentRevision },
        windowSeconds: rule.windowSeconds,
        now,
      });
      return judgeAlertRule({ rule, measurements });
    }),
  );
}

/** The unresolved rule alerts of `targetIds`, by target, in one query. */
export async function loadUnresolvedRuleAlerts(targetIds: string[]): Promise<Map<string, UnresolvedAlert[]>> {
  const rows = await db.alert.findMany({
    where: { targetId: { in: targetIds }, source: "rule", resolvedAt: null },
    select: { id: true, targetId: true, fingerprint: true, name: true, severity: true },
  });
  return Map.groupBy(rows, (row) => row.targetId);
}

/** Idempotent: evaluating again with the same metrics opens nothing new and notifies nobody again. */
export async function evaluateTargetAlerts(input: EvaluateTargetAlertsInput): Promise<AlertChanges> {
  const { target, now, extraResults = [] } = input;
  const { rules, problem } = enabledRulesOf(target.service.alertRules);
  if (problem) console.warn(`alerts: target ${target.id}: its service's alert rules are invalid (${problem}); none evaluated`);
  const results = [...(await judgeRules(input, rules)), ...extraResults];
  const unresolved = input.unresolved ?? (await loadUnresolvedRuleAlerts([target.id])).get(target.id) ?? [];
  // An invalid rule list must not resolve every alert as "removed": hold them until it is fixed.
  const changes = evaluateAlertRules({ results, unresolved: problem ? [] : unresolved });
  const metricOf = new Map(rules.map((r) => [`threshold:${r.name}`, { metric: r.metric, windowSeconds: r.windowSeconds }]));
  for (const result of changes.open) {
    await openAlert({
      targetId: target.id,
      source: "rule",
      fingerprint: result.fingerprint,
      name: result.name,
      severity: result.severity,
      summary: result.reason,
      value: result.value,
      condition: result.condition,
      labels: { ...metricOf.get(result.fingerprint), revision: target.currentRevision },
      at: now,
      actor: SYSTEM_ACTOR,
    });
  }
  if (changes.stillFiring.length > 0) {
    await db.alert.updateMany({
      where: { id: { in: changes.stillFiring.map((c) => c.alert.id) }, resolvedAt: null },
      data: { lastSeenAt: now },
    });
  }
  for (const { alert, reason } of changes.resolve) await resolveAlert({ alertId: alert.id, at: now, reason, actor: SYSTEM_ACTOR });
  // What each rule said, for the target's page; an invalid rule list keeps the last states it had.
  if (!problem) {
    const stored = input.ruleStates ?? (await loadRuleStates([target.id])).get(target.id) ?? [];
    await recordRuleStates({ targetId: target.id, results, stored, now });
  }
  return changes;
}
