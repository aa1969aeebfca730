// A person approves or rejects a release for an environment. The environment's policy decides who may
// (never the author, unless the policy allows it); one decision per person, re-deciding replaces it and
// binds it to the release's current artifact digest. Audited; the environment's channel is told.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { canApprove } from "@/lib/domain/can-approve";
import type { DecideApprovalInput } from "@/lib/schemas/approvals";
import { toApprovalPolicy } from "./gates/to-policies";
import { loadApprovalSubject, type ApprovalSubject } from "./load-approval-subject";
import { notify } from "./notify";
import { getEnvironmentApprovals, type EnvironmentApprovals } from "./release-detail/get-environment-approvals";

function refuseUnlessAllowed({ principal, subject }: { principal: Principal; subject: ApprovalSubject }): void {
  const { release, environment } = subject;
  const decision = canApprove({
    policy: toApprovalPolicy(environment),
    role: principal.role,
    isAuthor: release.authorId === principal.userId,
  });
  if (!decision.allowed) {
    throw new AppError("forbidden", `${decision.reason} (${environment.name}'s approval policy).`, {
      extra: { rule: "approval_policy", environment: environment.slug },
    });
  }
}

export async function decideApproval(options: {
  principal: Principal;
  releaseId: string;
  input: DecideApprovalInput;
}): Promise<EnvironmentApprovals> {
  const { principal, releaseId, input } = options;
  const subject = await loadApprovalSubject({ releaseId, environment: input.environment });
  refuseUnlessAllowed({ principal, subject });
  const { release, environment } = subject;
  const at = await now();
  const fields = { decision: input.decision, comment: input.comment ?? null, digest: release.digest, createdAt: at, withdrawnAt: null };
  const approval = await db.$transaction(async (tx) => {
    const row = await tx.approval.upsert({
      where: { releaseId_environmentId_userId: { releaseId: release.id, environmentId: environment.id, userId: principal.userId } },
      create: { releaseId: release.id, environmentId: environment.id, userId: principal.userId, ...fields },
      update: fields,
    });
    await recordAudit(tx, actorOf(principal), {
      action: input.decision === "approve" ? "approval.approved" : "approval.rejected",
      subjectType: "release",
      subjectId: release.id,
      details: {
        environment: environment.slug,
        version: release.version,
        digest: release.digest,
        comment: input.comment ?? null,
        approvalId: row.id,
      },
    });
    return row;
  });
  const verb = input.decision === "approve" ? "approved" : "rejected";
  await notify({
    environmentId: environment.id,
    event: verb,
    subjectId: `${approval.id}-${at.getTime()}`,
    text: `${principal.name} ${verb} ${release.service.slug} ${release.version} for ${environment.name}${input.comment ? `: ${input.comment}` : ""}`,
    fields: { Service: release.service.slug, Version: release.version, Environment: environment.name, Digest: release.digest },
  });
  return getEnvironmentApprovals({ release, environment, now: at });
}
