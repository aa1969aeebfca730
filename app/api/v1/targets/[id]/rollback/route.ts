// POST /api/v1/targets/{id}/rollback — all traffic back to an earlier revision, never held by windows; oncall, release_manager, admin.
import { json, route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { rollbackBody } from "@/lib/schemas/deployments";
import { startRollback } from "@/lib/services/rollout/start-rollback";

export const POST = route({ permission: "rollback", params: idParams, body: rollbackBody }, async ({ principal, params, body }) =>
  json(await startRollback({ principal, targetId: params.id, input: body }), 202),
);
