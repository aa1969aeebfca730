// The error budget of a target, for the freeze gate: loaded only when its environment freezes on a spent
// budget (otherwise the gate has nothing to ask and the deploy path pays nothing for it).
import { db } from "@/lib/db";
import type { ErrorBudget } from "@/lib/domain/slo/compute-error-budget";
import { describeTargetSlo } from "@/lib/domain/slo/describe-target-slo";
import { readSloObjectives } from "@/lib/domain/slo/slo-objectives";
import { loadSloWindows } from "../sli/load-slo-windows";

export type BudgetFact = { budget: ErrorBudget; recoversAt: Date | null };

export async function loadBudgetFact({ targetId, now }: { targetId: string; now: Date }): Promise<BudgetFact> {
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
  const view = describeTargetSlo({ objectives, windows, hours, budgetFreeze: true, now });
  return { budget: view.budget, recoversAt: view.freeze.recoversAt };
}
