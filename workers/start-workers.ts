// One BullMQ worker per registered processor, on its own consumer connection. Payloads are validated again
// at pickup: a job written by an older producer, or straight into Redis, fails with a clear reason
// instead of reaching a processor with data it does not expect.
import { type Job, UnrecoverableError, Worker } from "bullmq";
import { createRedisConnection, queuePrefix } from "@/lib/queue/connection";
import { InvalidPayloadError, type JobName, parsePayload, queueNameFor } from "@/lib/queue/jobs";
import type { ProcessorEntry, ProcessorRegistry } from "./processors/types";

function validated<N extends JobName>(name: N, entry: ProcessorEntry<N>, workerId: string) {
  return async (job: Job) => {
    if (job.name !== name) throw new UnrecoverableError(`Job ${job.id} is named "${job.name}" but sits in the ${name} queue.`);
    try {
      const payload = parsePayload({ name, data: job.data, stage: "pickup" });
      return await entry.run({ payload, job, workerId });
    } catch (error) {
      // Retrying cannot fix a malformed payload, so it fails at once rather than after every attempt.
      if (error instanceof InvalidPayloadError) throw new UnrecoverableError(error.message);
      throw error;
    }
  };
}

/** Logs a repeated error once a minute: BullMQ re-emits every failed reconnect attempt during an outage. */
function quietWarn(label: string): { warn: (message: string) => void; reset: () => void } {
  let last = "";
  let loggedAt = 0;
  return {
    warn: (message) => {
      if (message === last && Date.now() - loggedAt < 60_000) return;
      last = message;
      loggedAt = Date.now();
      console.warn(`${label}: ${message} (repeats are logged once a minute)`);
    },
    reset: () => (last = ""),
  };
}

function startWorker<N extends JobName>(name: N, entry: ProcessorEntry<N>, workerId: string): Worker {
  const connection = createRedisConnection({ role: "consumer", label: `worker:${name}` });
  const worker = new Worker(queueNameFor(name), validated(name, entry, workerId), {
    connection,
    prefix: queuePrefix(),
    concurrency: entry.concurrency,
    ...(entry.lockDurationMs
      ? { lockDuration: entry.lockDurationMs, stalledInterval: Math.max(1_000, Math.floor(entry.lockDurationMs / 2)) }
      : {}),
  });
  // BullMQ re-emits connection errors here; without a listener Node would treat them as fatal.
  const errors = quietWarn(`worker ${name}`);
  worker.on("error", (error) => errors.warn(error.message));
  connection.on("ready", errors.reset);
  worker.on("failed", (job, error) => console.warn(`job ${name} ${job?.id ?? "?"} failed: ${error.message}`));
  worker.on("closed", () => connection.disconnect());
  return worker;
}

/** Starts a worker for each registered processor; returns them so shutdown can close them. */
export function startWorkers({ registry, workerId }: { registry: ProcessorRegistry; workerId: string }): Worker[] {
  return (Object.keys(registry) as JobName[]).map((name) => startWorker(name, registry[name] as ProcessorEntry<typeof name>, workerId));
}
