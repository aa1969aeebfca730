// The shapes the approval decisions read: the Environment's approval policy and the Approval rows of one
// release for one environment, as a service loads them.
import type { Role } from "@/lib/auth/permissions";

export type ApprovalPolicy = {
  /** 0 = this environment needs no approval */
  requiredApprovals: number;
  approverRoles: readonly Role[];
  allowSelfApproval: boolean;
  /** an approval older than this no longer counts */
  approvalTtlMinutes: number;
};

export type ApprovalRecord = {
  userId: string;
  /** shown in reasons instead of the id when given */
  userName?: string | null;
  userRole: Role;
  decision: "approve" | "reject";
  /** the artifact digest the person looked at */
  digest: string;
  createdAt: Date;
  withdrawnAt: Date | null;
  comment?: string | null;
};

export type IgnoredWhy = "expired" | "other_digest" | "self_approval" | "role_not_allowed" | "withdrawn";
