// A person withdraws their own approval or rejection of a release for an environment (a rejection blocks
// until its author withdraws it). Only one's own decision: there is no withdrawing someone else's.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { loadApprovalSubject } from "./load-approval-subject";
import { getEnvironmentApprovals, type EnvironmentApprovals } from "./release-detail/get-environment-approvals";

export async function withdrawApproval(options: {
  principal: Principal;
  releaseId: string;
  environment: string;
}): Promise<EnvironmentApprovals> {
  const { principal, releaseId } = options;
  const { release, environment } = await loadApprovalSubject({ releaseId, environment: options.environment });
  const at = await now();
  await db.$transaction(async (tx) => {
    const where = { releaseId: release.id, environmentId: environment.id, userId: principal.userId, withdrawnAt: null };
    const own = await tx.approval.findFirst({ where });
    if (!own) throw new AppError("not_found", `You have no standing decision on ${release.version} for ${environment.name} to withdraw.`);
    await tx.approval.update({ where: { id: own.id }, data: { withdrawnAt: at } });
    await recordAudit(tx, actorOf(principal), {
      action: "approval.withdrawn",
      subjectType: "release",
      subjectId: release.id,
      details: { environment: environment.slug, version: release.version, decision: own.decision, approvalId: own.id },
    });
  });
  return getEnvironmentApprovals({ release, environment, now: at });
}
