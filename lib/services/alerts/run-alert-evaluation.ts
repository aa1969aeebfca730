// One evaluation interval across every serving target (a current revision, neither it nor its service
// archived). Each worker runs it on its own timer; the database keeps one unresolved alert per fingerprint,
// so two workers evaluating the same interval duplicate nothing. A target whose evaluation fails is logged
// and the others go on.
import { db } from "@/lib/db";
import type { MetricsSourceOptions } from "@/lib/metrics/registry";
import { burnRateRuleResults } from "@/lib/domain/alerts/burn-rate-rule-results";
import { readBurnRates, readRollupBurnRates } from "@/lib/services/sli/read-burn-rates";
import { evaluateTargetAlerts, loadUnresolvedRuleAlerts } from "./evaluate-target-alerts";
import { EVALUATED_TARGETS } from "./evaluated-targets";
import { loadRuleStates } from "./record-rule-states";

/** The SLO's multiwindow burn-rate rules of a target; history that cannot be read holds every burn alert. */
async function burnResults(targetId: string, now: Date) {
  try {
    return burnRateRuleResults(await readBurnRates({ targetId, now }));
  } catch (error) {
    console.warn(`alerts: reading the burn rates of target ${targetId} failed: ${(error as Error).message}`);
    return burnRateRuleResults(null);
  }
}

// Targets measured at once: each one is two queries per rule to its metrics source, all in flight together.
const CONCURRENCY = 8;

export type AlertEvaluationSummary = { targets: number; opened: number; resolved: number; failed: number };

export async function runAlertEvaluation({
  now,
  metricsOptions,
}: {
  now: Date;
  metricsOptions?: MetricsSourceOptions;
}): Promise<AlertEvaluationSummary> {
  const targets = await db.target.findMany({
    where: EVALUATED_TARGETS,
    select: { id: true, currentRevision: true, metricsSource: true, service: { select: { alertRules: true, slos: true } } },
    orderBy: { id: "asc" },
  });
  // The burn rates of targets whose history is the rollups, read in batches; a Prometheus target's are read
  // in its lane. Should the batch read fail, each target is read on its own (and holds if that fails too).
  const rollupBurn = await readRollupBurnRates({
    targets: targets.map((t) => ({ id: t.id, metricsSource: t.metricsSource, slos: t.service.slos })),
    now,
  }).catch((error: unknown) => {
    console.warn(`alerts: reading the burn rates from the rollups failed: ${(error as Error).message}; reading target by target`);
    return new Map<string, Awaited<ReturnType<typeof readBurnRates>>>();
  });
  // One read of every unresolved rule alert, not one per target. An alert another worker opens meanwhile is
  // caught by its unique key when this one tries to open it too.
  const unresolved = await loadUnresolvedRuleAlerts(targets.map((t) => t.id));
  const ruleStates = await loadRuleStates(targets.map((t) => t.id));
  const summary: AlertEvaluationSummary = { targets: targets.length, opened: 0, resolved: 0, failed: 0 };
  let next = 0;
  const lane = async () => {
    while (next < targets.length) {
      const target = targets[next++]!;
      try {
        const changes = await evaluateTargetAlerts({
          target: { ...target, currentRevision: target.currentRevision! },
          now,
          metricsOptions,
          extraResults: rollupBurn.has(target.id) ? burnRateRuleResults(rollupBurn.get(target.id)!) : await burnResults(target.id, now),
          unresolved: unresolved.get(target.id) ?? [],
          ruleStates: ruleStates.get(target.id) ?? [],
        });
        summary.opened += changes.open.length;
        summary.resolved += changes.resolve.length;
      } catch (error) {
        summary.failed += 1;
        console.warn(`alerts: evaluating target ${target.id} failed: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, targets.length) }, lane));
  return summary;
}
