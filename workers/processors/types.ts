// The contract between the worker runtime and a job's processor.
import type { Job } from "bullmq";
import type { JobName, JobPayload } from "@/lib/queue/jobs";

export type ProcessorContext<N extends JobName> = {
  /** Already validated against the job's schema at pickup. */
  payload: JobPayload<N>;
  job: Job;
  workerId: string;
};

export type Processor<N extends JobName> = (context: ProcessorContext<N>) => Promise<unknown>;

export type ProcessorEntry<N extends JobName> = {
  run: Processor<N>;
  /** Jobs of this kind a single worker process runs at once. */
  concurrency: number;
  /** How long a job's lock lasts without renewal before BullMQ hands it to another worker (default 30 s). */
  lockDurationMs?: number;
};

export type ProcessorRegistry = { [N in JobName]?: ProcessorEntry<N> };
