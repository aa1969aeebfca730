// Query of GET /api/v1/insights, and the insight filter of GET /api/v1/deployments that lists exactly the
// deployments an Insights figure counts.
import { z } from "zod";
import { optionalDateTime, optionalText } from "./common";

export const INSIGHT_RANGES = { "7d": 7, "30d": 30, "90d": 90, "365d": 365 } as const;
export type InsightRange = keyof typeof INSIGHT_RANGES;
const RANGE_NAMES = Object.keys(INSIGHT_RANGES) as InsightRange[];
const MAX_SPAN_DAYS = 366;

/** The deployments behind each figure, as the Deployments list's `insight` filter names them. */
export const INSIGHT_SETS = ["deployments", "lead_time", "changes", "change_failures", "restored", "not_restored"] as const;
export type InsightSet = (typeof INSIGHT_SETS)[number];

/** Which deployments: a service (slug) or all, an environment (slug) or every production one, a range. */
export const insightScopeFields = {
  service: optionalText(100),
  environment: optionalText(100),
  /** a range ending now; `from` (and `to`) override it */
  range: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.enum(RANGE_NAMES, { message: `must be one of ${RANGE_NAMES.join(", ")}` }).default("30d"),
  ),
  from: optionalDateTime("must be a date and time, e.g. 2026-11-01T00:00:00Z"),
  to: optionalDateTime("must be a date and time, e.g. 2026-12-01T00:00:00Z"),
};

type ScopeFields = { from?: Date; to?: Date };

/** from before to, and at most a year and a day apart: the figures read every deployment in between. */
export function refineInsightSpan(scope: ScopeFields, context: z.RefinementCtx): void {
  if (!scope.from || !scope.to) return;
  if (scope.from >= scope.to) context.addIssue({ code: "custom", path: ["from"], message: "must be before to" });
  else if (scope.to.getTime() - scope.from.getTime() > MAX_SPAN_DAYS * 86_400_000) {
    context.addIssue({ code: "custom", path: ["from"], message: `must be at most ${MAX_SPAN_DAYS} days before to` });
  }
}

export const insightsQuery = z.object(insightScopeFields).superRefine(refineInsightSpan);
export type InsightsQuery = z.infer<typeof insightsQuery>;
export type InsightScope = Pick<InsightsQuery, "service" | "environment" | "range" | "from" | "to">;
