// POST /api/v1/deployments: checks who may deploy where, plans the rollout, and claims the target — at most
// one active deployment per target, enforced by a unique index — then queues the first step.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { planRollout } from "@/lib/domain/plan-rollout";
import type { StartDeploymentInput } from "@/lib/schemas/deployments";
import { appendEvent } from "./append-event";
import { revisionNameFor } from "./load-deployment";
import { queueStepSoon } from "./queue-step";

async function loadTarget(input: StartDeploymentInput) {
  const release = await db.release.findUnique({ where: { id: input.releaseId }, include: { service: true } });
  if (!release) throw new AppError("not_found", `There is no release ${input.releaseId}.`);
  const environment = await db.environment.findUnique({ where: { slug: input.environment } });
  if (!environment) {
    throw new AppError("validation", `There is no environment "${input.environment}".`, { fields: [{ path: "body.environment", message: "unknown environment" }] });
  }
  const target = await db.target.findUnique({ where: { serviceId_environmentId: { serviceId: release.serviceId, environmentId: environment.id } } });
  if (!target) {
    throw new AppError("validation", `${release.service.slug} has no target in ${environment.slug}; an admin adds one in Settings.`, {
      fields: [{ path: "body.environment", message: "no target for this service" }],
    });
  }
  return { release, environment, target };
}

async function conflictWithRunning(targetId: string): Promise<AppError> {
  const running = await db.deployment.findUnique({ where: { activeTargetId: targetId }, select: { id: true, state: true } });
  return new AppError("conflict", `Another deployment (${running?.id ?? "unknown"}, ${running?.state ?? "active"}) is running on this target; wait for it, or abort it.`, {
    extra: { deploymentId: running?.id ?? null },
  });
}

export async function startDeployment({ principal, input }: { principal: Principal; input: StartDeploymentInput }): Promise<{ id: string }> {
  const { release, environment, target } = await loadTarget(input);
  const permission = environment.isProduction ? "deploy.production" : "deploy.nonproduction";
  if (!can(principal.role, permission)) {
    throw new AppError("forbidden", `Your role (${principal.role}) may not deploy to ${environment.name}: it needs the "${permission}" permission.`);
  }
  const strategy = input.strategy ?? target.defaultStrategy;
  const plan = planRollout({ strategy, canarySteps: target.canarySteps, stepPauseSeconds: target.stepPauseSeconds });
  if (!plan.ok) throw new AppError("validation", plan.reason, { fields: [{ path: "target.canarySteps", message: plan.reason }] });
  try {
    const deployment = await db.$transaction(async (tx) => {
      const created = await tx.deployment.create({
        data: { releaseId: release.id, targetId: target.id, activeTargetId: target.id, kind: "deploy", strategy, plan: plan.steps, replacesRevision: target.currentRevision, startedById: principal.userId, overrideReason: input.overrideReason },
        include: { target: { include: { service: true, environment: true } } },
      });
      const revision = revisionNameFor(created);
      await tx.deployment.update({ where: { id: created.id }, data: { revision } });
      await appendEvent(tx, { deploymentId: created.id, type: "state_changed", message: `Queued by ${principal.label}: ${release.version} to ${environment.name}, ${strategy.replace("_", "-")}`, data: { state: "queued" } });
      await recordAudit(tx, actorOf(principal), { action: "deployment.started", subjectType: "deployment", subjectId: created.id, details: { service: release.service.slug, environment: environment.slug, version: release.version, strategy, revision } });
      return created;
    });
    await queueStepSoon({ id: deployment.id, currentStep: 0, generation: 0, resumeAt: null });
    return { id: deployment.id };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw await conflictWithRunning(target.id);
    throw error;
  }
}
