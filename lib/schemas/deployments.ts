// Query of GET /api/v1/deployments.
import { z } from "zod";
import { DeploymentState } from "@/lib/db/generated/enums";
import { optionalText, pageQuery } from "./common";

export const DEPLOYMENT_STATES = Object.values(DeploymentState);
export type { DeploymentState };

export const listDeploymentsQuery = z.object({
  state: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.enum(DeploymentState, { message: `must be one of ${DEPLOYMENT_STATES.join(", ")}` }).optional(),
  ),
  /** service slug */
  service: optionalText(100),
  /** environment slug */
  environment: optionalText(100),
  ...pageQuery,
});
export type ListDeploymentsQuery = z.infer<typeof listDeploymentsQuery>;
