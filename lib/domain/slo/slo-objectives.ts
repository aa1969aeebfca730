// A service's SLO targets as stored in Service.slos, read leniently: a missing or malformed objective falls
// back to the documents' default, so a half-edited JSON never turns into a NaN budget.
import { z } from "zod";
import { DEFAULT_SLOS } from "../document-defaults";

/** What each objective may be: read leniently below, stored strictly (with upper bounds) by the input schema. */
const OBJECTIVE = {
  /** availability objective in percent of requests that did not fail (the budget is 100 − this) */
  uptimePercent: z.number().gt(0, "must be above 0").lt(100, "must be below 100: an objective of 100 % leaves no error budget"),
  p95Ms: z.number().positive(),
  p99Ms: z.number().positive(),
  errorRatePercent: z.number().min(0).max(100),
  memoryPercent: z.number().min(0).max(100),
  cpuPercent: z.number().min(0),
};

export const sloObjectivesSchema = z.object({
  uptimePercent: OBJECTIVE.uptimePercent.catch(DEFAULT_SLOS.uptimePercent),
  p95Ms: OBJECTIVE.p95Ms.catch(DEFAULT_SLOS.p95Ms),
  p99Ms: OBJECTIVE.p99Ms.catch(DEFAULT_SLOS.p99Ms),
  errorRatePercent: OBJECTIVE.errorRatePercent.catch(DEFAULT_SLOS.errorRatePercent),
  memoryPercent: OBJECTIVE.memoryPercent.catch(DEFAULT_SLOS.memoryPercent),
  cpuPercent: OBJECTIVE.cpuPercent.catch(DEFAULT_SLOS.cpuPercent),
});

export type SloObjectives = z.infer<typeof sloObjectivesSchema>;

/** What an admin may store (PATCH /services/{id} {slos}): every objective, strictly, with what is wrong named. */
export const sloObjectivesInputSchema = z
  .object({
    ...OBJECTIVE,
    p95Ms: OBJECTIVE.p95Ms.max(3_600_000),
    p99Ms: OBJECTIVE.p99Ms.max(3_600_000),
    cpuPercent: OBJECTIVE.cpuPercent.max(10_000),
  })
  .strict()
  .refine((o) => o.p99Ms >= o.p95Ms, { path: ["p99Ms"], message: "must be at least the p95 objective" });

export function readSloObjectives(stored: unknown): SloObjectives {
  const object = stored && typeof stored === "object" && !Array.isArray(stored) ? stored : {};
  return sloObjectivesSchema.parse(object);
}

/** The rolling window the error budget is counted over. */
export const BUDGET_WINDOW_DAYS = 30;

/** Fewer requests than this in a window is "not enough data": no ratio is shown or judged. */
export const MIN_SLI_REQUESTS = 100;

/** The share of requests an objective allows to fail (99.9 → 0.001), free of float noise (1 − 0.99 ≠ 0.01). */
export function allowedErrorShare(objectivePercent: number): number {
  return Number(((100 - objectivePercent) / 100).toPrecision(12));
}
