// Has this release been approved for this environment? Only approvals of the release's current artifact
// digest count, within their lifetime, from the roles the policy lists, and never the author's own unless
// the policy allows it. Any live rejection of the current digest blocks until its author withdraws it.
import { describeIgnored, findIgnoredWhy } from "./approvals/find-ignored-why";
import type { ApprovalPolicy, ApprovalRecord, IgnoredWhy } from "./approvals/approval-types";

export type { ApprovalPolicy, ApprovalRecord, IgnoredWhy };

export type ApprovalsDecision = {
  satisfied: boolean;
  approvedCount: number;
  required: number;
  rejectedBy: { userId: string; comment: string | null }[];
  /** the rule that passed or refused, in words a person can act on */
  reason: string;
  /** user ids whose approvals count */
  counted: string[];
  ignored: { userId: string; decision: "approve" | "reject"; why: IgnoredWhy }[];
};

export function evaluateApprovals(options: {
  policy: ApprovalPolicy;
  release: { authorId: string; digest: string };
  approvals: readonly ApprovalRecord[];
  now: Date;
}): ApprovalsDecision {
  const { policy, release, approvals, now } = options;
  const required = policy.requiredApprovals;
  const counted = new Set<string>();
  const rejections: ApprovalRecord[] = [];
  const ignored: ApprovalsDecision["ignored"] = [];
  for (const approval of approvals) {
    const why = findIgnoredWhy({ policy, release, approval, now });
    if (why) ignored.push({ userId: approval.userId, decision: approval.decision, why });
    else if (approval.decision === "reject") rejections.push(approval);
    else counted.add(approval.userId);
  }
  const rejectedBy = rejections.map((r) => ({ userId: r.userId, comment: r.comment?.trim() || null }));
  const base = { approvedCount: counted.size, required, rejectedBy, counted: [...counted], ignored };

  if (required === 0) return { ...base, satisfied: true, reason: "No approval required for this environment" };
  if (rejections.length > 0) {
    const names = rejections.map((r) => `${r.userName ?? r.userId}${r.comment?.trim() ? `: ${r.comment.trim()}` : ""}`);
    const reason = `Rejected by ${names.join("; ")} — blocked until the rejection is withdrawn`;
    return { ...base, satisfied: false, reason };
  }
  const satisfied = counted.size >= required;
  const notCounted = ignored.filter((i) => i.decision === "approve");
  const note = notCounted.length > 0 ? ` (not counted: ${describeIgnored(notCounted)})` : "";
  const plural = required === 1 ? "approval" : "approvals";
  return { ...base, satisfied, reason: `${required} ${plural} required, ${counted.size} given${note}` };
}
