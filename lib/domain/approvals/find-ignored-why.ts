// Why an approval does not count, or null when it does. The checks run from the most fundamental to the most
// specific, so the person sees the first thing they would have to change.
import type { ApprovalPolicy, ApprovalRecord, IgnoredWhy } from "./approval-types";

const MINUTE_MS = 60_000;

export function findIgnoredWhy(options: {
  policy: ApprovalPolicy;
  release: { authorId: string; digest: string };
  approval: ApprovalRecord;
  now: Date;
}): IgnoredWhy | null {
  const { policy, release, approval, now } = options;
  if (approval.withdrawnAt) return "withdrawn";
  // an approval is of an artifact: a rebuilt image needs looking at again
  if (approval.digest !== release.digest) return "other_digest";
  if (approval.decision === "reject") return null; // a live rejection blocks until withdrawn, however old
  if (now.getTime() - approval.createdAt.getTime() >= policy.approvalTtlMinutes * MINUTE_MS) return "expired";
  if (approval.userId === release.authorId && !policy.allowSelfApproval) return "self_approval";
  if (!policy.approverRoles.includes(approval.userRole)) return "role_not_allowed";
  return null;
}

const WHY_LABELS: Record<IgnoredWhy, string> = {
  expired: "expired",
  other_digest: "for another artifact digest",
  self_approval: "by the release's author",
  role_not_allowed: "from a role that may not approve",
  withdrawn: "withdrawn",
};

/** "1 expired, 2 for another artifact digest" — what was not counted, for the reason line. */
export function describeIgnored(ignored: readonly { why: IgnoredWhy }[]): string {
  const counts = new Map<IgnoredWhy, number>();
  for (const { why } of ignored) counts.set(why, (counts.get(why) ?? 0) + 1);
  return [...counts].map(([why, count]) => `${count} ${WHY_LABELS[why]}`).join(", ");
}
