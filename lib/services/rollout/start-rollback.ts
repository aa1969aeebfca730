// POST /api/v1/targets/{id}/rollback: all traffic back to an earlier revision, now. Never held by windows or
// approvals. A rollout running on the target is pre-empted (aborted) in the same transaction.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db, type Prisma } from "@/lib/db";
import { planRollout } from "@/lib/domain/plan-rollout";
import { entryState, transitionOf } from "@/lib/domain/rollout-lifecycle";
import type { RollbackInput } from "@/lib/schemas/deployments";
import { appendEvent } from "./append-event";
import { queueStepSoon } from "./queue-step";

type Tx = Prisma.TransactionClient;

/** The revision to return to: the one asked for, else the good revision before the one serving now. */
async function chooseRevision(
  tx: Tx,
  target: { id: string; currentRevision: string | null },
  active: { replacesRevision: string | null } | null,
  asked?: string,
) {
  const where = { targetId: target.id, state: "succeeded" as const, revision: asked ?? { not: null } };
  const candidates = await tx.deployment.findMany({
    where,
    orderBy: { finishedAt: "desc" },
    take: 20,
    select: { revision: true, releaseId: true },
  });
  if (asked) {
    const found = candidates[0];
    if (!found)
      throw new AppError("validation", `Revision ${asked} never served this target; pick one from its revision history.`, {
        fields: [{ path: "body.toRevision", message: "unknown revision" }],
      });
    return found as { revision: string; releaseId: string };
  }
  // Mid-rollout the good revision is still the current one; otherwise it is the one before it.
  const wanted = active ? (active.replacesRevision ?? target.currentRevision) : undefined;
  const found = candidates.find((c) => (wanted ? c.revision === wanted : c.revision !== target.currentRevision));
  if (!found) throw new AppError("conflict", "There is no earlier good revision to roll back to on this target.");
  return found as { revision: string; releaseId: string };
}

async function preempt(tx: Tx, principal: Principal, targetId: string) {
  const active = await tx.deployment.findUnique({ where: { activeTargetId: targetId } });
  if (!active) return null;
  if (active.kind === "rollback") {
    throw new AppError("conflict", `A rollback (${active.id}) is already running on this target.`, { extra: { deploymentId: active.id } });
  }
  await tx.deployment.update({
    where: { id: active.id },
    data: {
      state: transitionOf("preempted", "deploy").to,
      activeTargetId: null,
      finishedAt: new Date(),
      generation: active.generation + 1,
      error: "pre-empted by a rollback",
    },
  });
  await appendEvent(tx, {
    deploymentId: active.id,
    type: "state_changed",
    message: `Pre-empted by a rollback started by ${principal.label}`,
    data: { state: transitionOf("preempted", "deploy").to },
  });
  return active;
}

export async function startRollback({
  principal,
  targetId,
  input,
}: {
  principal: Principal;
  targetId: string;
  input: RollbackInput;
}): Promise<{ deploymentId: string }> {
  // A blue-green switch: the revision rolled back from keeps running (retention retires it) so that rolling
  // forward again is as instant as the rollback was.
  const plan = planRollout({ strategy: "blue_green", canarySteps: [100], stepPauseSeconds: null });
  if (!plan.ok) throw new Error(plan.reason);
  const rollback = await db.$transaction(async (tx) => {
    const target = await tx.target.findUnique({ where: { id: targetId }, include: { service: true, environment: true } });
    if (!target) throw new AppError("not_found", `There is no target ${targetId}.`);
    const active = await preempt(tx, principal, target.id);
    const to = await chooseRevision(tx, target, active, input.toRevision);
    const created = await tx.deployment.create({
      data: {
        releaseId: to.releaseId,
        targetId: target.id,
        activeTargetId: target.id,
        kind: "rollback",
        strategy: "blue_green",
        plan: plan.steps,
        revision: to.revision,
        replacesRevision: active?.revision ?? target.currentRevision,
        rollbackOfId: active?.id,
        startedById: principal.userId,
        reason: input.reason,
      },
    });
    await appendEvent(tx, {
      deploymentId: created.id,
      type: "state_changed",
      message: `Rollback to ${to.revision} started by ${principal.label}${input.reason ? `: ${input.reason}` : ""}`,
      data: { state: entryState({ waitsForWindow: false }) },
    });
    await recordAudit(tx, actorOf(principal), {
      action: "deployment.rollback",
      subjectType: "target",
      subjectId: target.id,
      details: {
        deploymentId: created.id,
        toRevision: to.revision,
        reason: input.reason ?? null,
        preempted: active?.id ?? null,
        service: target.service.slug,
        environment: target.environment.slug,
      },
    });
    return created;
  });
  await queueStepSoon({ id: rollback.id, currentStep: 0, generation: 0, resumeAt: null });
  return { deploymentId: rollback.id };
}
