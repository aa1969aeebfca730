// DELETE /api/v1/releases/{id}/approvals/{environment} — withdraw one's own approval or rejection; signed in (only one's own decision).
import { route } from "@/lib/api/route";
import { approvalParams } from "@/lib/schemas/approvals";
import { withdrawApproval } from "@/lib/services/withdraw-approval";

export const DELETE = route({ permission: "view", params: approvalParams }, ({ principal, params }) =>
  withdrawApproval({ principal, releaseId: params.id, environment: params.environment }),
);
