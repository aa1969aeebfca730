// POST /api/v1/targets/{id}/rollback: all traffic back to an earlier revision, now. Never held by windows or
// approvals. Whatever is active on the target ends in the same transaction: a rollout is pre-empted, and a
// rollback that is still running (stuck, or going to the wrong revision) is superseded by this newer one.
// Either way the target keeps one active deployment: the old one frees activeTargetId before the new takes it.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db, type Deployment, type Prisma } from "@/lib/db";
import { planRollout } from "@/lib/domain/plan-rollout";
import { entryState, transitionOf } from "@/lib/domain/rollout-lifecycle";
import type { RollbackInput } from "@/lib/schemas/deployments";
import { appendEvent } from "./append-event";
import { chooseRollbackRevision } from "./choose-rollback-revision";
import { queueStepSoon } from "./queue-step";

type Tx = Prisma.TransactionClient;

/** Ends the active deployment of the target (pre-empted, or superseded when it is a rollback). */
async function endActive(tx: Tx, targetId: string): Promise<Deployment | null> {
  const active = await tx.deployment.findUnique({ where: { activeTargetId: targetId } });
  if (!active) return null;
  const event = active.kind === "rollback" ? "superseded" : "preempted";
  const { from, to } = transitionOf(event, active.kind);
  const ended = await tx.deployment.updateMany({
    where: { id: active.id, activeTargetId: targetId, generation: active.generation, state: { in: from } },
    data: { state: to, activeTargetId: null, finishedAt: new Date(), generation: active.generation + 1 },
  });
  if (ended.count === 0) {
    throw new AppError("conflict", `The deployment running on this target (${active.id}) changed while you asked; look again and retry.`, {
      extra: { deploymentId: active.id },
    });
  }
  return active;
}

/** Says on the ended deployment what ended it, naming the rollback that did. */
async function recordEnding(tx: Tx, ended: Deployment, by: { id: string; revision: string; label: string }) {
  const superseded = ended.kind === "rollback";
  const why = superseded ? `superseded by a newer rollback (${by.id}) to ${by.revision}` : `pre-empted by a rollback (${by.id})`;
  await tx.deployment.update({ where: { id: ended.id }, data: { error: why } });
  await appendEvent(tx, {
    deploymentId: ended.id,
    type: "state_changed",
    message: `${superseded ? "Superseded by a newer rollback" : "Pre-empted by a rollback"} to ${by.revision}, started by ${by.label} (${by.id})`,
    data: { state: transitionOf(superseded ? "superseded" : "preempted", ended.kind).to, by: by.id },
  });
}

export async function startRollback({
  principal,
  targetId,
  input,
}: {
  principal: Principal;
  targetId: string;
  input: RollbackInput;
}): Promise<{ deploymentId: string; supersedes: string | null }> {
  // A blue-green switch: the revision rolled back from keeps running (retention retires it) so that rolling
  // forward again is as instant as the rollback was.
  const plan = planRollout({ strategy: "blue_green", canarySteps: [100], stepPauseSeconds: null });
  if (!plan.ok) throw new AppError("internal", `The rollback plan is invalid: ${plan.reason}`);
  const { rollback, ended } = await db
    .$transaction(async (tx) => {
      const target = await tx.target.findUnique({ where: { id: targetId }, include: { service: true, environment: true } });
      if (!target) throw new AppError("not_found", `There is no target ${targetId}.`);
      const active = await endActive(tx, target.id);
      const to = await chooseRollbackRevision(tx, { target, active, asked: input.toRevision });
      // Superseding a rollback keeps what it took back (the bad revision) and which deploy it undoes.
      const isSuperseding = active?.kind === "rollback";
      const created = await tx.deployment.create({
        data: {
          releaseId: to.releaseId,
          targetId: target.id,
          activeTargetId: target.id,
          kind: "rollback",
          strategy: "blue_green",
          state: entryState({ waitsForWindow: false }),
          plan: plan.steps,
          revision: to.revision,
          replacesRevision: isSuperseding ? active.replacesRevision : (active?.revision ?? target.currentRevision),
          rollbackOfId: isSuperseding ? active.rollbackOfId : active?.id,
          startedById: principal.userId,
          reason: input.reason,
        },
      });
      if (active) await recordEnding(tx, active, { id: created.id, revision: to.revision, label: principal.label });
      await appendEvent(tx, {
        deploymentId: created.id,
        type: "state_changed",
        message: `Rollback to ${to.revision} started by ${principal.label}${input.reason ? `: ${input.reason}` : ""}${isSuperseding ? `, superseding rollback ${active.id}` : ""}`,
        data: { state: created.state, supersedes: isSuperseding ? active.id : null },
      });
      await recordAudit(tx, actorOf(principal), {
        action: "deployment.rollback",
        subjectType: "target",
        subjectId: target.id,
        details: {
          deploymentId: created.id,
          toRevision: to.revision,
          reason: input.reason ?? null,
          preempted: active && !isSuperseding ? active.id : null,
          superseded: isSuperseding ? active.id : null,
          service: target.service.slug,
          environment: target.environment.slug,
        },
      });
      return { rollback: created, ended: isSuperseding ? active.id : null };
    })
    .catch((error: unknown) => {
      // Another rollback of an idle target committed first: the unique activeTargetId refused this one.
      if ((error as { code?: string }).code === "P2002")
        throw new AppError("conflict", "Another rollback of this target started at the same moment; look at the target and retry.");
      throw error;
    });
  await queueStepSoon({ id: rollback.id, currentStep: 0, generation: 0, resumeAt: null });
  return { deploymentId: rollback.id, supersedes: ended };
}
