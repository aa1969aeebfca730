// Opens the post-hoc review the deploy gate asked for, inside the transaction that creates the deployment,
// so a hotfix or an overridden window never runs without one. The caller notifies ("window_overridden")
// after the transaction commits.
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import type { Prisma } from "@/lib/db";

export async function openReviewForDeployment(
  tx: Prisma.TransactionClient,
  options: {
    principal: Principal;
    releaseId: string;
    environmentId: string;
    deploymentId: string | null;
    review: { reason: "hotfix" | "window_override" | "budget_override"; detail: string };
  },
): Promise<{ id: string }> {
  const { principal, releaseId, environmentId, deploymentId, review } = options;
  const created = await tx.review.create({
    data: { reason: review.reason, releaseId, environmentId, deploymentId, detail: review.detail, openedById: principal.userId },
    select: { id: true },
  });
  await recordAudit(tx, actorOf(principal), {
    action: "review.opened",
    subjectType: "review",
    subjectId: created.id,
    details: { reason: review.reason, releaseId, environmentId, deploymentId, detail: review.detail },
  });
  return created;
}
