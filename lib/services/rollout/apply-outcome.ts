// Records what a step did and moves the state machine on. Every transition is conditional on the step and
// generation the job ran for, and on the lifecycle's from-states of its event, so a pause, abort or
// rollback that happened meanwhile wins over a stale job.
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { transitionOf } from "@/lib/domain/rollout-lifecycle";
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
  // The clock the gates read, so a timed pause and a test that moves time agree on when it ends.
  const resumeAt = outcome.delayMs ? new Date((await clockNow()).getTime() + outcome.delayMs) : null;
  const { from, to } = transitionOf("step_done", d.kind);
  const moved = await db.$transaction(async (tx) => {
    const updated = await tx.deployment.updateMany({
      where: { id: d.id, currentStep: index, generation: d.generation, state: { in: from } },
      data: {
        currentStep: index + 1,
        state: to,
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
  const { from, to } = transitionOf("promotion_awaited", d.kind);
  return db.$transaction(async (tx) => {
    const updated = await tx.deployment.updateMany({
      where: { id: d.id, currentStep: index, generation: d.generation, state: { in: from } },
      data: { state: to, pausedReason: "promote" },
    });
    if (updated.count === 0) return "changed";
    await appendEvent(tx, { deploymentId: d.id, type: "decision", message, data: { step: index } });
    return "waiting";
  });
}

/** Another analysis tick of the same step: a new generation gets a job id of its own (BullMQ dedupes ids). */
async function analyseAgain(
  d: LoadedDeployment,
  index: number,
  outcome: Extract<StepOutcome, { kind: "analyse_again" }>,
): Promise<Applied> {
  const resumeAt = new Date((await clockNow()).getTime() + outcome.delayMs);
  const generation = d.generation + 1;
  const updated = await db.deployment.updateMany({
    where: { id: d.id, currentStep: index, generation: d.generation, state: { in: transitionOf("step_started", d.kind).from } },
    data: { generation, resumeAt },
  });
  if (updated.count === 0) return "changed";
  await queueStepSoon({ id: d.id, currentStep: index, generation, resumeAt });
  return "waiting";
}

async function holdForPerson(d: LoadedDeployment, index: number, reason: string): Promise<Applied> {
  const { from, to } = transitionOf("pause", d.kind);
  return db.$transaction(async (tx) => {
    const updated = await tx.deployment.updateMany({
      where: { id: d.id, currentStep: index, generation: d.generation, state: { in: from } },
      data: { state: to, pausedReason: "analysis", resumeAt: null },
    });
    if (updated.count === 0) return "changed";
    await appendEvent(tx, { deploymentId: d.id, type: "decision", message: reason, data: { step: index } });
    return "waiting";
  });
}

async function startReverting(d: LoadedDeployment, index: number, reason: string): Promise<Applied> {
  const { from, to } = transitionOf("step_failed", d.kind);
  return db.$transaction(async (tx) => {
    const updated = await tx.deployment.updateMany({
      where: { id: d.id, generation: d.generation, activeTargetId: { not: null }, state: { in: from } },
      data: { state: to, error: reason },
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
    case "analyse_again":
      return analyseAgain(d, index, outcome);
    case "hold":
      return holdForPerson(d, index, outcome.reason);
    case "complete": {
      const message = `Succeeded: ${outcome.message}`;
      const ended = await finishDeployment(d, { event: "rollout_completed", message, trafficPercent: 100 });
      return ended ? "succeeded" : "changed";
    }
    case "fail":
      return startReverting(d, index, outcome.reason);
  }
}
