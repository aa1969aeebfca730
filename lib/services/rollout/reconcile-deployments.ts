// Finds in-flight deployments whose step job is gone — a worker SIGKILLed after BullMQ dropped its job, or
// Redis flushed — and queues them again from Postgres. Bumping the generation gives the re-queued step a
// fresh job id; the step itself is idempotent, so running it again repeats no completed provider call.
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { MOVING_STATES } from "@/lib/domain/rollout-lifecycle";
import { getQueue } from "@/lib/queue/enqueue";
import { deploymentStepJobId, toQueueJobId } from "@/lib/queue/job-id";
import { appendEvent } from "./append-event";
import { queueStep } from "./queue-step";

const ALIVE_JOB_STATES = new Set(["waiting", "delayed", "active", "prioritized", "waiting-children"]);

async function hasLiveJob(d: { id: string; currentStep: number; generation: number }): Promise<boolean> {
  const job = await getQueue("deployment.step").getJob(
    toQueueJobId(deploymentStepJobId({ deploymentId: d.id, step: d.currentStep, generation: d.generation })),
  );
  if (!job) return false;
  return ALIVE_JOB_STATES.has(await job.getState());
}

/**
 * Re-queues deployments idle for at least `quietMs` with no live job; returns their ids. Idleness is real
 * time (updatedAt is stamped with the real time); a timed pause ends by lib/clock, as the engine set it.
 */
export async function reconcileDeployments({ quietMs = 3_000, now }: { quietMs?: number; now?: Date } = {}): Promise<string[]> {
  const quietSince = new Date(Date.now() - quietMs);
  const clock = now ?? (await clockNow());
  // A rollout in a timed pause has a delayed job; it is only looked at once the pause is over, so a worker
  // holding a thousand paused rollouts does not check a thousand jobs every few seconds.
  const candidates = await db.deployment.findMany({
    where: {
      activeTargetId: { not: null },
      state: { in: [...MOVING_STATES] },
      updatedAt: { lt: quietSince },
      OR: [{ resumeAt: null }, { resumeAt: { lt: clock } }],
    },
    select: { id: true, currentStep: true, generation: true, resumeAt: true },
    take: 500,
  });
  const requeued: string[] = [];
  for (const d of candidates) {
    if (await hasLiveJob(d)) continue;
    const bumped = await db.deployment.updateMany({
      where: { id: d.id, generation: d.generation },
      data: { generation: d.generation + 1 },
    });
    if (bumped.count === 0) continue;
    await appendEvent(db, {
      deploymentId: d.id,
      type: "decision",
      message: `Reconciler resumed the rollout at step ${d.currentStep + 1} (its job was lost)`,
      data: { step: d.currentStep },
    });
    await queueStep({ ...d, generation: d.generation + 1 }, clock);
    requeued.push(d.id);
  }
  return requeued;
}
