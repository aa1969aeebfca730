// The seam the alert evaluator calls for burn-rate alerts: a target's multiwindow burn-rate decision now
// (which rule pages, which opens a ticket, with each window's burn rate and the reason), from the same
// windows the SLO page shows. Turning the decision into alerts (open, de-duplicate, resolve) is the
// evaluator's job (evaluateAlertRules). readRollupBurnRates is the same for many targets at once.
import { db } from "@/lib/db";
import type { BurnRateDecision } from "@/lib/domain/slo/decide-burn-rate-alerts";
import { describeTargetSlo } from "@/lib/domain/slo/describe-target-slo";
import { readSloObjectives } from "@/lib/domain/slo/slo-objectives";
import { loadRollupSloWindows, loadSloWindows, sloHistorySource } from "./load-slo-windows";

export async function readBurnRates({ targetId, now }: { targetId: string; now: Date }): Promise<BurnRateDecision> {
  const target = await db.target.findUniqueOrThrow({
    where: { id: targetId },
    select: { metricsSource: true, service: { select: { slos: true } } },
  });
  const objectives = readSloObjectives(target.service.slos);
  const { windows, hours } = await loadSloWindows({
    targetId,
    metricsSource: target.metricsSource,
    objectivePercent: objectives.uptimePercent,
    now,
  });
  return describeTargetSlo({ objectives, windows, hours, budgetFreeze: false, now }).burn;
}

/** Targets read together from the rollups: each batch is a fixed number of grouped queries, not three per target. */
const ROLLUP_BATCH = 250;

/**
 * The burn-rate decisions of every target among `targets` whose history is Flightdeck's rollups (not a
 * Prometheus source, and a configuration that parses), read in batches; the others are not in the map and
 * are read one by one with readBurnRates. The same windows and decision as readBurnRates, many at a time.
 */
export async function readRollupBurnRates({
  targets,
  now,
}: {
  targets: { id: string; metricsSource: unknown; slos: unknown }[];
  now: Date;
}): Promise<Map<string, BurnRateDecision>> {
  const fromRollups = targets.filter((t) => {
    try {
      return sloHistorySource(t.metricsSource) === "rollups";
    } catch {
      return false; // read on its own, where the invalid configuration is reported
    }
  });
  const decisions = new Map<string, BurnRateDecision>();
  for (let i = 0; i < fromRollups.length; i += ROLLUP_BATCH) {
    const batch = fromRollups.slice(i, i + ROLLUP_BATCH).map((t) => ({ id: t.id, objectives: readSloObjectives(t.slos) }));
    const windows = await loadRollupSloWindows({
      targets: batch.map((t) => ({ targetId: t.id, objectivePercent: t.objectives.uptimePercent })),
      now,
    });
    for (const { id, objectives } of batch) {
      const { windows: sums, hours } = windows.get(id)!;
      decisions.set(id, describeTargetSlo({ objectives, windows: sums, hours, budgetFreeze: false, now }).burn);
    }
  }
  return decisions;
}
