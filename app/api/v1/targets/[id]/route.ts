// GET, PATCH /api/v1/targets/{id} — the target, its provider's live status and per-revision rates, its revision
// history and metrics source (signed in); edit its provider configuration, rollout settings and metrics source (admin).
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { updateTargetBody } from "@/lib/schemas/targets";
import { getTarget } from "@/lib/services/catalog/get-target";
import { updateTarget } from "@/lib/services/catalog/update-target";

export const GET = route({ permission: "view", params: idParams }, ({ params }) => getTarget(params.id));

export const PATCH = route({ permission: "admin.manage", params: idParams, body: updateTargetBody }, ({ principal, params, body }) =>
  updateTarget({ principal, id: params.id, input: body }),
);
