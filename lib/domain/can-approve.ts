// Whether a person may approve or reject a release for an environment: decides whether the Approve button
// is shown, and is the rule the API's 403 names. The environment's policy decides which roles approve;
// the author never approves their own release unless the policy allows it.
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import type { ApprovalPolicy } from "./approvals/approval-types";

export type CanApproveDecision = { allowed: boolean; reason: string };

export function canApprove(options: {
  policy: Pick<ApprovalPolicy, "requiredApprovals" | "approverRoles" | "allowSelfApproval">;
  role: Role;
  isAuthor: boolean;
}): CanApproveDecision {
  const { policy, role, isAuthor } = options;
  if (policy.requiredApprovals === 0) {
    return { allowed: false, reason: "This environment needs no approval" };
  }
  if (isAuthor && !policy.allowSelfApproval) {
    return { allowed: false, reason: "You wrote this release; someone else must approve it" };
  }
  if (!policy.approverRoles.includes(role)) {
    const approvers = policy.approverRoles.map((r) => ROLE_LABELS[r]).join(", ");
    return {
      allowed: false,
      reason: `Your role (${ROLE_LABELS[role]}) may not approve releases for this environment; approvers: ${approvers}`,
    };
  }
  return { allowed: true, reason: `You may approve or reject this release as ${ROLE_LABELS[role]}` };
}
