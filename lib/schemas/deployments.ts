// Query of GET /api/v1/deployments.
import { z } from "zod";
import { DeploymentState } from "@/lib/db/generated/enums";
import { DEPLOYMENT_CONTROLS, type DeploymentControl } from "@/lib/domain/decide-control";
import { optionalText, pageQuery } from "./common";
import { INSIGHT_SETS, insightScopeFields, refineInsightSpan } from "./insights";

export const DEPLOYMENT_STATES = Object.values(DeploymentState);
export type { DeploymentState };

const MAX_IDS = 200;
const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const listDeploymentsQuery = z
  .object({
    state: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.enum(DeploymentState, { message: `must be one of ${DEPLOYMENT_STATES.join(", ")}` }).optional(),
    ),
    /** service slug */
    service: optionalText(100),
    /** environment slug */
    environment: optionalText(100),
    kind: z.preprocess(blankToUndefined, z.enum(["deploy", "rollback"], { message: "must be deploy or rollback" }).optional()),
    /** comma-separated deployment ids */
    ids: z.preprocess(
      blankToUndefined,
      z
        .string()
        .max(MAX_IDS * 101)
        .transform((value) => [
          ...new Set(
            value
              .split(",")
              .map((id) => id.trim())
              .filter(Boolean),
          ),
        ])
        .refine((ids) => ids.length <= MAX_IDS, `must name at most ${MAX_IDS} deployments`)
        .refine((ids) => ids.every((id) => id.length <= 100), "must be deployment ids separated by commas")
        .optional(),
    ),
    /** the deployments an Insights figure counts, over its scope (service, environment or every production one) and range */
    insight: z.preprocess(blankToUndefined, z.enum(INSIGHT_SETS, { message: `must be one of ${INSIGHT_SETS.join(", ")}` }).optional()),
    range: insightScopeFields.range,
    /** without insight: deployments finished from `from` (inclusive) to `to` (exclusive) */
    from: insightScopeFields.from,
    to: insightScopeFields.to,
    ...pageQuery,
  })
  .superRefine(refineInsightSpan);
export type ListDeploymentsQuery = z.infer<typeof listDeploymentsQuery>;

/** Body of POST /api/v1/deployments. */
export const startDeploymentBody = z.object({
  releaseId: z.string().trim().min(1, "is required").max(100),
  /** environment slug */
  environment: z.string().trim().min(1, "is required").max(100),
  strategy: z.enum(["rolling", "blue_green", "canary"], { message: "must be rolling, blue_green or canary" }).optional(),
  overrideReason: z.string().trim().max(2000).optional(),
  waitForWindow: z.boolean().default(false),
});
export type StartDeploymentInput = z.infer<typeof startDeploymentBody>;

/** Body of POST /api/v1/targets/{id}/rollback. */
export const rollbackBody = z.object({
  /** revision to return to; defaults to the previous good one */
  toRevision: z.string().trim().min(1).max(100).optional(),
  reason: z.string().trim().max(2000).optional(),
});
export type RollbackInput = z.infer<typeof rollbackBody>;

export const deploymentControl = z.enum(DEPLOYMENT_CONTROLS);
export type { DeploymentControl };
