// The processor of deployment.step jobs: re-reads the deployment from Postgres, returns early when the step
// is done or the job is stale, runs the step, and records the outcome. Safe to run any number of times.
import { appendEvent } from "./append-event";
import { applyOutcome } from "./apply-outcome";
import { executeStep, type StepOutcome } from "./execute-step";
import { injectFault } from "./fault-injection";
import { getProvider } from "./get-provider";
import { loadDeployment, type LoadedDeployment } from "./load-deployment";
import { queueStepSoon } from "./queue-step";
import { revertDeployment } from "./revert-deployment";
import { db } from "@/lib/db";
import { isMoving, isReverting, isTerminal, stepStartEvent, transitionOf } from "@/lib/domain/rollout-lifecycle";

export type StepJob = { deploymentId: string; step: number; generation: number; isLastAttempt: boolean };

/**
 * The state that says what the worker does now: deploying, verifying or stepping, as the lifecycle names it.
 * The timeline says a step started once: a step that runs again (each analysis tick of a pause is a job of its
 * own, a resumed or re-queued step) is the same step.
 */
async function markStarted(d: LoadedDeployment, index: number): Promise<void> {
  const kind = d.steps[index]!.kind;
  const { from, to } = transitionOf(stepStartEvent(kind), d.kind);
  await db.deployment.updateMany({
    where: { id: d.id, generation: d.generation, currentStep: index, state: { in: from } },
    data: { state: to, startedAt: d.startedAt ?? new Date() },
  });
  const last = await db.deploymentEvent.findFirst({
    where: { deploymentId: d.id, type: "step_started" },
    orderBy: { id: "desc" },
    select: { data: true },
  });
  if ((last?.data as { step?: number } | null)?.step === index) return;
  await appendEvent(db, {
    deploymentId: d.id,
    type: "step_started",
    message: `Step ${index + 1}/${d.steps.length}: ${kind.replace("_", " ")}`,
    data: { step: index, kind },
  });
}

async function runStep(d: LoadedDeployment, index: number, isLastAttempt: boolean): Promise<StepOutcome> {
  try {
    injectFault(index, "before_call");
    const outcome = await executeStep({ deployment: d, index, step: d.steps[index]!, provider: getProvider(d.target.providerType) });
    injectFault(index, "after_call");
    return outcome;
  } catch (error) {
    // Provider errors are retried by the queue with backoff; after the last attempt the rollout is reverted.
    if (!isLastAttempt) throw error;
    return { kind: "fail", reason: `Provider error at step ${index + 1}: ${(error as Error).message}` };
  }
}

// Steps with no pause between them run one after another in the same job: a rollback or a rolling deploy
// does not pay a queue round trip per step. Each step is still recorded before the next begins, so a crash
// mid-way resumes from Postgres like any other (the stalled job finds the deployment moved on).
const MAX_INLINE_STEPS = 10;

async function runOneStep(job: StepJob, inline: boolean): Promise<string> {
  const d = await loadDeployment(job.deploymentId);
  if (!d || isTerminal(d.state)) return "finished";
  if (d.generation !== job.generation) return "stale";
  if (isReverting(d.state)) return revertDeployment(d, getProvider(d.target.providerType));
  // Held (paused, waiting for its window): a person or the clock moves it on, not this job.
  if (!isMoving(d.state)) return d.state;
  if (d.currentStep !== job.step) {
    // The step was done but its successor may not have been queued (crash between commit and enqueue).
    await queueStepSoon(d);
    return "moved_on";
  }
  await markStarted(d, job.step);
  const outcome = await runStep(d, job.step, job.isLastAttempt);
  // A smoke run or the post-deploy checks take seconds to minutes: they run as a job of their own, whose
  // id names their step, so the reconciler sees that step's job alive instead of resuming it a second time.
  // (A rollback's verify is a quick health check and stays inline: its traffic must come back at once.)
  const next = d.steps[job.step + 1]?.kind;
  const long = next === "validate" || (next === "verify" && d.kind === "deploy");
  const applied = await applyOutcome(d, job.step, outcome, { inline: inline && !long });
  if (applied === "reverting") {
    const fresh = await loadDeployment(d.id);
    if (fresh && isReverting(fresh.state)) return revertDeployment(fresh, getProvider(fresh.target.providerType));
  }
  return applied;
}

export async function runDeploymentStep(job: StepJob): Promise<string> {
  for (let step = job.step; step < job.step + MAX_INLINE_STEPS; step += 1) {
    const inline = step < job.step + MAX_INLINE_STEPS - 1;
    const result = await runOneStep({ ...job, step }, inline);
    if (result !== "advanced_inline") return result;
  }
  return "advanced";
}
