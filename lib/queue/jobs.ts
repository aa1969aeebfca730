// The one queue definition shared by the app (producer) and the workers (consumer): job names, one zod
// schema per payload, and per-job BullMQ options. Each job name is its own BullMQ queue, so a job whose
// processor is not deployed yet simply waits instead of being taken and failed by a worker that cannot run it.
import type { JobsOptions } from "bullmq";
import { z } from "zod";

export const JOBS = {
  /** One step of a deployment's state machine; `generation` must match the deployment's or the job is stale. */
  "deployment.step": {
    schema: z
      .object({ deploymentId: z.string().min(1).max(100), step: z.number().int().min(0), generation: z.number().int().min(0) })
      .strict(),
    options: { attempts: 5, backoff: { type: "exponential", delay: 1_000 } },
  },
  /** A message to an environment's Slack-compatible webhook; the URL (a secret) is read at send time, never queued. */
  "notification.send": {
    schema: z
      .object({
        environmentId: z.string().min(1).max(100),
        event: z.enum([
          "approval_needed",
          "approved",
          "rejected",
          "deploy_started",
          "deploy_finished",
          "deploy_failed",
          "rolled_back",
          "window_overridden",
          "smoke_failed",
          "alert_opened",
          "alert_resolved",
        ]),
        text: z.string().min(1).max(3000),
        fields: z.record(z.string().max(100), z.string().max(500)).default({}),
      })
      .strict(),
    options: { attempts: 3, backoff: { type: "exponential", delay: 1_000 } },
  },
  /** A smoke run already recorded as `running` (POST /api/v1/smoke-runs): the worker runs the suite and stores the results. */
  "smoke.run": {
    schema: z.object({ runId: z.string().min(1).max(100) }).strict(),
    // A run that was interrupted is marked `error` by the retry rather than run twice (lib/services/smoke).
    options: { attempts: 2, backoff: { type: "fixed", delay: 1_000 } },
  },
  /** Diagnostic round trip: proves a worker consumes validated jobs. */
  "system.ping": {
    schema: z.object({ sentAt: z.iso.datetime({ offset: true }), nonce: z.string().min(1).max(200) }).strict(),
    options: { attempts: 1 },
  },
} as const satisfies Record<string, { schema: z.ZodType; options: JobsOptions }>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]["schema"]>;

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

// Completed jobs are kept for a day so that re-enqueuing the same deterministic id within that time is a
// no-op (BullMQ dedupes on existing ids only); failed ones for a week, for diagnosis.
export const RETENTION: Pick<JobsOptions, "removeOnComplete" | "removeOnFail"> = {
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

export function isJobName(value: unknown): value is JobName {
  return typeof value === "string" && Object.hasOwn(JOBS, value);
}

/** Thrown when a payload does not match its job's schema; names the job, the side and the bad fields. */
export class InvalidPayloadError extends Error {
  readonly fields: { path: string; message: string }[];
  constructor({ name, stage, error }: { name: string; stage: "enqueue" | "pickup"; error: z.ZodError }) {
    const fields = error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(payload)", message: issue.message }));
    super(`Invalid ${name} payload at ${stage}: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`);
    this.name = "InvalidPayloadError";
    this.fields = fields;
  }
}

/** The payload, parsed by its job's schema; throws InvalidPayloadError otherwise. */
export function parsePayload<N extends JobName>({
  name,
  data,
  stage,
}: {
  name: N;
  data: unknown;
  stage: "enqueue" | "pickup";
}): JobPayload<N> {
  const result = JOBS[name].schema.safeParse(data);
  if (!result.success) throw new InvalidPayloadError({ name, stage, error: result.error });
  return result.data as JobPayload<N>;
}

/** BullMQ queue names may not contain ':'; job names never do, so the job name is the queue name. */
export function queueNameFor(name: JobName): string {
  return name;
}
