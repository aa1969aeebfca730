// One evaluation interval across every serving target (a current revision, neither it nor its service
// archived). Each worker runs it on its own timer; the database keeps one unresolved alert per fingerprint,
// so two workers evaluating the same interval duplicate nothing. A target whose evaluation fails is logged
// and the others go on.
import { db } from "@/lib/db";
import type { MetricsSourceOptions } from "@/lib/metrics/registry";
import { evaluateTargetAlerts, loadUnresolvedRuleAlerts } from "./evaluate-target-alerts";

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
    where: { currentRevision: { not: null }, archivedAt: null, service: { archivedAt: null } },
    select: { id: true, currentRevision: true, metricsSource: true, service: { select: { alertRules: true } } },
    orderBy: { id: "asc" },
  });
  // One read of every unresolved rule alert, not one per target. An alert another worker opens meanwhile is
  // caught by its unique key when this one tries to open it too.
  const unresolved = await loadUnresolvedRuleAlerts(targets.map((t) => t.id));
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
