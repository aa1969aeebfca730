// Approval rows as the release page and the approvals API show them: who decided what, about which digest,
// and whether it counts now — and if not, why (expired, another digest, the author's own, …).
import type { Role } from "@/lib/auth/permissions";
import type { ApprovalsDecision, IgnoredWhy } from "@/lib/domain/evaluate-approvals";
import type { ApprovalFact } from "../gates/load-environment-facts";

export type ApprovalView = {
  id: string;
  user: { id: string; name: string; email: string; role: Role };
  decision: "approve" | "reject";
  comment: string | null;
  digest: string;
  createdAt: string;
  withdrawnAt: string | null;
  /** an approval counts towards the required number; a rejection that counts blocks */
  counts: boolean;
  whyNotCounted: IgnoredWhy | null;
};

export function toApprovalViews(approvals: readonly ApprovalFact[], decision: Pick<ApprovalsDecision, "ignored">): ApprovalView[] {
  return approvals.map((a) => {
    // evaluateApprovals reports ignored decisions per user; a user has one row per release × environment
    const ignored = decision.ignored.find((i) => i.userId === a.userId && i.decision === a.decision);
    return {
      id: a.id,
      user: { id: a.userId, name: a.userName ?? a.userEmail, email: a.userEmail, role: a.userRole },
      decision: a.decision,
      comment: a.comment,
      digest: a.digest,
      createdAt: a.createdAt.toISOString(),
      withdrawnAt: a.withdrawnAt?.toISOString() ?? null,
      counts: !ignored,
      whyNotCounted: ignored?.why ?? null,
    };
  });
}
