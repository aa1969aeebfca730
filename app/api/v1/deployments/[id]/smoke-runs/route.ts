// GET /api/v1/deployments/{id}/smoke-runs — the deployment's smoke runs (pre-traffic, post-deploy,
// post-rollback), oldest first, with their check results; signed in.
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { listDeploymentSmokeRuns } from "@/lib/services/smoke/get-smoke-runs";

export const GET = route({ permission: "view", params: idParams }, ({ params }) => listDeploymentSmokeRuns(params.id));
