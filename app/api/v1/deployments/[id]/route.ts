// GET /api/v1/deployments/{id} — state, plan, current step, traffic and timeline; signed in.
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { getDeployment } from "@/lib/services/rollout/get-deployment";

export const GET = route({ permission: "view", params: idParams }, ({ params }) => getDeployment(params.id));
