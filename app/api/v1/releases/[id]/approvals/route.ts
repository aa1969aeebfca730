// POST /api/v1/releases/{id}/approvals — approve or reject for an environment; release_manager, admin, as the environment's policy allows (never one's own release).
import { route } from "@/lib/api/route";
import { decideApprovalBody } from "@/lib/schemas/approvals";
import { idParams } from "@/lib/schemas/common";
import { decideApproval } from "@/lib/services/decide-approval";

export const POST = route({ permission: "release.approve", params: idParams, body: decideApprovalBody }, ({ principal, params, body }) =>
  decideApproval({ principal, releaseId: params.id, input: body }),
);
