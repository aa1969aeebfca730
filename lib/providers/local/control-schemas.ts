// Bodies of the supervisor's control API, shared by the server (supervisor.ts) and its client (the provider),
// validated on both sides of the wire.
import { z } from "zod";
import { revisionNameSchema } from "../types";
import { RETAIN_SECONDS } from "./windowed-counters";

export const startRevisionBodySchema = z.object({
  name: revisionNameSchema,
  release: z.object({ version: z.string().min(1), image: z.string().min(1), digest: z.string().min(1) }),
  command: z.array(z.string().min(1)).min(1),
  env: z.record(z.string(), z.string()).default({}),
  cwd: z.string().min(1),
});

export const trafficWeightsSchema = z
  .record(revisionNameSchema, z.number().int().min(0).max(100))
  .refine((weights) => Object.values(weights).reduce((sum, w) => sum + w, 0) === 100, "traffic weights must sum to 100");

export const setTrafficBodySchema = z.object({
  weights: trafficWeightsSchema,
  /** Non-serving revisions to keep running (the target's retainRevisions). */
  retain: z.number().int().min(0),
});

/** GET /metrics/window: the window's length, and its end (epoch ms; default now) within the last hour. */
export const windowQuerySchema = z.object({
  seconds: z.coerce.number().int().min(1).max(RETAIN_SECONDS),
  end: z.coerce.number().int().positive().optional(),
});

export type StartRevisionBody = z.infer<typeof startRevisionBodySchema>;
export type SetTrafficBody = z.infer<typeof setTrafficBodySchema>;
