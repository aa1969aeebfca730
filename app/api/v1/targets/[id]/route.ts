// GET, PATCH /api/v1/targets/{id} — the target, its provider's live status and per-revision rates, its revision
// history (signed in); edit its provider configuration and rollout settings (admin).
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { updateTargetBody } from "@/lib/schemas/targets";
import { updateTarget } from "@/lib/services/catalog/update-target";
import { getTargetStatus } from "@/lib/services/rollout/get-target-status";

export const GET = route({ permission: "view", params: idParams }, ({ params }) => getTargetStatus(params.id));

export const PATCH = route({ permission: "admin.manage", params: idParams, body: updateTargetBody }, ({ principal, params, body }) =>
  updateTarget({ principal, id: params.id, input: body }),
);
