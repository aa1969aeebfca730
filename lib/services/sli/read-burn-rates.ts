// The seam the alert evaluator calls for burn-rate alerts: a target's multiwindow burn-rate decision now
// (which rule pages, which opens a ticket, with each window's burn rate and the reason), from the same
// windows the SLO page shows. Turning the decision into alerts (open, de-duplicate, resolve) is the
// evaluator's job (evaluateAlertRules).
import { db } from "@/lib/db";
import type { BurnRateDecision } from "@/lib/domain/slo/decide-burn-rate-alerts";
import { describeTargetSlo } from "@/lib/domain/slo/describe-target-slo";
import { readSloObjectives } from "@/lib/domain/slo/slo-objectives";
import { loadSloWindows } from "./load-slo-windows";

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
