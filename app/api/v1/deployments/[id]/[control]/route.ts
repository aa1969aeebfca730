// POST /api/v1/deployments/{id}/pause|resume|promote|abort — rollout controls; oncall, release_manager, admin.
import { z } from "zod";
import { route } from "@/lib/api/route";
import { deploymentControl } from "@/lib/schemas/deployments";
import { controlDeployment } from "@/lib/services/rollout/control-deployment";

const params = z.object({ id: z.string().min(1).max(100), control: deploymentControl });

export const POST = route({ permission: "rollout.control", params }, ({ principal, params }) =>
  controlDeployment({ principal, id: params.id, control: params.control }),
);
