// GET /api/v1/deployments — deployments, newest first, filtered by state, service and environment, paged; signed in.
import { route } from "@/lib/api/route";
import { listDeploymentsQuery } from "@/lib/schemas/deployments";
import { listDeployments } from "@/lib/services/list-deployments";

export const GET = route({ permission: "view", query: listDeploymentsQuery }, ({ query }) => listDeployments(query));
