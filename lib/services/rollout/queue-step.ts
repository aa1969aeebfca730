// Queues the job that runs a deployment's current step. The id is deterministic, so queuing twice is a
// no-op; a later generation gets a new id because BullMQ keeps completed jobs and dedupes against them.
import { now as clockNow } from "@/lib/clock";
import { deploymentStepJobId } from "@/lib/queue/job-id";
import { enqueue } from "@/lib/queue/enqueue";

export type QueueableDeployment = { id: string; currentStep: number; generation: number; resumeAt: Date | null };

/** resumeAt is an instant of lib/clock (the test clock when one is set): the delay is measured on that clock. */
export async function queueStep(d: QueueableDeployment, at?: Date): Promise<void> {
  const now = at ?? (await clockNow());
  const delay = d.resumeAt ? Math.max(0, d.resumeAt.getTime() - now.getTime()) : 0;
  await enqueue(
    "deployment.step",
    { deploymentId: d.id, step: d.currentStep, generation: d.generation },
    { jobId: deploymentStepJobId({ deploymentId: d.id, step: d.currentStep, generation: d.generation }), delay },
  );
}

/** Queues without failing the caller: when Redis is down the reconciler queues the step once it is back. */
export async function queueStepSoon(d: QueueableDeployment): Promise<void> {
  await queueStep(d).catch((error: unknown) =>
    console.warn(`deployment ${d.id}: step ${d.currentStep} not queued yet (${(error as Error).message}); the reconciler will queue it`),
  );
}
