// GET, POST /api/v1/deployments — list deployments (signed in); start one (developer outside production, release_manager, admin).
import { json, route } from "@/lib/api/route";
import { listDeploymentsQuery, startDeploymentBody } from "@/lib/schemas/deployments";
import { listDeployments } from "@/lib/services/list-deployments";
import { startDeployment } from "@/lib/services/rollout/start-deployment";

export const GET = route({ permission: "view", query: listDeploymentsQuery }, ({ query }) => listDeployments(query));

// The route asks for the weaker permission; production needs deploy.production, checked by the service.
export const POST = route({ permission: "deploy.nonproduction", body: startDeploymentBody }, async ({ principal, body }) =>
  json(await startDeployment({ principal, input: body }), 202),
);
