// GET /api/v1/targets/{id} — the target, its provider's live status and per-revision rates, its revision history; signed in.
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { getTargetStatus } from "@/lib/services/rollout/get-target-status";

export const GET = route({ permission: "view", params: idParams }, ({ params }) => getTargetStatus(params.id));
