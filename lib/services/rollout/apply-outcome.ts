// Records what a step did and moves the state machine on. Every transition is conditional on the step and
// generation the job ran for, so a pause, abort or rollback that happened meanwhile wins over a stale job.
import { db } from "@/lib/db";
import { appendEvent } from "./append-event";
import type { StepOutcome } from "./execute-step";
import { finishDeployment } from "./finish-deployment";
import type { LoadedDeployment } from "./load-deployment";
import { queueStepSoon } from "./queue-step";

/** advanced_inline: the next step may run at once in the same job (no pause between), so nothing was queued. */
type Applied = "advanced" | "advanced_inline" | "waiting" | "succeeded" | "reverting" | "changed";

async function advance(
  d: LoadedDeployment,
  index: number,
  outcome: Extract<StepOutcome, { kind: "advance" }>,
  inline: boolean,
): Promise<Applied> {
  const resumeAt = outcome.delayMs ? new Date(Date.now() + outcome.delayMs) : null;
  const moved = await db.$transaction(async (tx) => {
    const updated = await tx.deployment.updateMany({
      where: {
        id: d.id,
        currentStep: index,
        generation: d.generation,
        state: { in: ["queued", "deploying", "verifying", "stepping"] },
      },
      data: {
        currentStep: index + 1,
        state: "stepping",
        resumeAt,
        ...(outcome.trafficPercent === undefined ? {} : { trafficPercent: outcome.trafficPercent }),
      },
    });
    if (updated.count === 0) return false;
    const type = outcome.trafficPercent === undefined ? "step_finished" : "traffic_set";
    await appendEvent(tx, {
      deploymentId: d.id,
      type,
      message: outcome.message,
      data: { step: index, trafficPercent: outcome.trafficPercent ?? null },
    });
    return true;
  });
  if (!moved) return "changed";
  if (inline && !resumeAt) return "advanced_inline";
  await queueStepSoon({ id: d.id, currentStep: index + 1, generation: d.generation, resumeAt });
  return "advanced";
}

async function waitForPromote(d: LoadedDeployment, index: number, message: string): Promise<Applied> {
  return db.$transaction(async (tx) => {
    const updated = await tx.deployment.updateMany({
      where: { id: d.id, currentStep: index, generation: d.generation, state: { notIn: ["paused", "reverting"] } },
      data: { state: "paused", pausedReason: "promote" },
    });
    if (updated.count === 0) return "changed";
    await appendEvent(tx, { deploymentId: d.id, type: "decision", message, data: { step: index } });
    return "waiting";
  });
}

async function startReverting(d: LoadedDeployment, index: number, reason: string): Promise<Applied> {
  return db.$transaction(async (tx) => {
    const updated = await tx.deployment.updateMany({
      where: { id: d.id, generation: d.generation, activeTargetId: { not: null } },
      data: { state: "reverting", error: reason },
    });
    if (updated.count === 0) return "changed";
    await appendEvent(tx, { deploymentId: d.id, type: "error", message: reason, data: { step: index } });
    return "reverting";
  });
}

export async function applyOutcome(
  d: LoadedDeployment,
  index: number,
  outcome: StepOutcome,
  options: { inline: boolean },
): Promise<Applied> {
  switch (outcome.kind) {
    case "advance":
      return advance(d, index, outcome, options.inline);
    case "wait_for_promote":
      return waitForPromote(d, index, outcome.message);
    case "complete":
      await finishDeployment(d, { state: "succeeded", message: `Succeeded: ${outcome.message}`, trafficPercent: 100 });
      return "succeeded";
    case "fail":
      return startReverting(d, index, outcome.reason);
  }
}
