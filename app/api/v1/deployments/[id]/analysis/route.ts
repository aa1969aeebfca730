// GET /api/v1/deployments/{id}/analysis — every analysis run with every measurement; signed in (view).
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { getDeploymentAnalysis } from "@/lib/services/analysis/get-deployment-analysis";

export const GET = route({ permission: "view", params: idParams }, ({ params }) => getDeploymentAnalysis(params.id));
