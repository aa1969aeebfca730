// The producer side: typed, validated enqueue with a required deterministic job id.
import { type Job, Queue } from "bullmq";
import { getRedis } from "@/lib/redis";
import { queuePrefix, RedisUnavailableError, waitForReady } from "./connection";
import { toQueueJobId } from "./job-id";
import { JOBS, type JobName, type JobPayload, parsePayload, queueNameFor, RETENTION } from "./jobs";

type Holder = { queues: Map<JobName, Queue> };
// On globalThis, like lib/db, so Next's hot reload does not open new queues per edit.
const holder = globalThis as unknown as { __flightdeckQueues?: Holder };
const state: Holder = (holder.__flightdeckQueues ??= { queues: new Map() });

/** The producer queue for `name`, sharing the app's fail-fast Redis connection. */
export function getQueue(name: JobName): Queue {
  let queue = state.queues.get(name);
  if (!queue) {
    queue = new Queue(queueNameFor(name), { connection: getRedis(), prefix: queuePrefix() });
    queue.on("error", (error) => console.warn(`queue ${name}: ${error.message}`));
    state.queues.set(name, queue);
  }
  return queue;
}

export type EnqueueOptions = {
  /** Required and deterministic, e.g. deploymentStepJobId({ deploymentId, step }) → deploy:<id>:step:<n> */
  jobId: string;
  /** Milliseconds to wait before the job may run. */
  delay?: number;
};

/**
 * Validates `payload` against the job's schema and adds the job. Adding an id that is already queued or
 * kept returns the existing job instead of a second one. Rejects within ~2 s when Redis is down.
 */
export async function enqueue<N extends JobName>(
  name: N,
  payload: JobPayload<N>,
  { jobId, delay }: EnqueueOptions,
): Promise<Job<JobPayload<N>>> {
  const data = parsePayload({ name, data: payload, stage: "enqueue" });
  const queueJobId = toQueueJobId(jobId);
  // Without this a first enqueue while Redis is down would wait for the connection for ever.
  await waitForReady(getRedis(), 2_000);
  try {
    return await getQueue(name).add(name, data, { ...RETENTION, ...JOBS[name].options, jobId: queueJobId, delay });
  } catch (error) {
    // ioredis fails a command with a plain Error ("Connection is closed.") when the connection drops under
    // it; the connection's own state, not the message, says that Redis went away.
    if (getRedis().status === "ready") throw error;
    throw new RedisUnavailableError(`Redis connection lost while adding ${name} (status ${getRedis().status})`, { cause: error });
  }
}

/** Closes every producer queue (the shared connection itself is closed by closeRedis). */
export async function closeQueues(): Promise<void> {
  const queues = [...state.queues.values()];
  state.queues.clear();
  await Promise.allSettled(queues.map((queue) => queue.close()));
}
