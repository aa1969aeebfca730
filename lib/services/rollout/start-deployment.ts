// POST /api/v1/deployments: checks who may deploy where, asks the deploy gate (window, approvals, promotion,
// readiness), plans the rollout and claims the target — at most one active deployment per target, enforced
// by a unique index — then queues the first step. A deploy refused only by its window may wait for it.
import { AppError } from "@/lib/api/app-error";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { watchSecondsOf } from "@/lib/domain/analysis/service-analysis";
import { planRollout } from "@/lib/domain/plan-rollout";
import { entryState } from "@/lib/domain/rollout-lifecycle";
import type { StartDeploymentInput } from "@/lib/schemas/deployments";
import { refuseArchived } from "@/lib/services/catalog/refuse-archived";
import { decideDeployment, deployPermissionRefusal, type DeploymentDecision } from "@/lib/services/decide-deployment";
import { notify } from "@/lib/services/notify";
import { createDeploymentRecord } from "./create-deployment-record";
import { queueStepSoon } from "./queue-step";

async function loadTarget(input: StartDeploymentInput) {
  const release = await db.release.findUnique({ where: { id: input.releaseId }, include: { service: true } });
  if (!release) throw new AppError("not_found", `There is no release ${input.releaseId}.`);
  const environment = await db.environment.findUnique({ where: { slug: input.environment } });
  if (!environment) {
    throw new AppError("validation", `There is no environment "${input.environment}".`, {
      fields: [{ path: "body.environment", message: "unknown environment" }],
    });
  }
  const target = await db.target.findUnique({
    where: { serviceId_environmentId: { serviceId: release.serviceId, environmentId: environment.id } },
  });
  if (!target) {
    throw new AppError("validation", `${release.service.slug} has no target in ${environment.slug}; an admin adds one in Settings.`, {
      fields: [{ path: "body.environment", message: "no target for this service" }],
    });
  }
  refuseArchived({ service: release.service, target: { ...target, environmentSlug: environment.slug }, doing: "deploy" });
  return { release, environment, target };
}

/** The gate's refusal as a problem: 403 when the caller lacks a permission, 422 when a rule refuses. */
function refusal(decision: DeploymentDecision): AppError {
  const first = decision.refusals[0]!;
  const code = first.rule === "override_permission" || first.rule === "deploy_permission" ? "forbidden" : "validation";
  const opens = decision.window.opensAt
    ? ` The window opens ${decision.window.opensAt.toISOString()}; ask again with waitForWindow to queue until then.`
    : "";
  const detail = `${decision.refusals.map((r) => r.reason).join(" ")}${decision.waitUntil ? opens : ""}`;
  return new AppError(code, detail, {
    extra: { rule: first.rule, refusals: decision.refusals, opensAt: decision.window.opensAt?.toISOString() ?? null },
  });
}

export async function startDeployment({
  principal,
  input,
}: {
  principal: Principal;
  input: StartDeploymentInput;
}): Promise<{ id: string; state: string }> {
  const { release, environment, target } = await loadTarget(input);
  // The gate refuses it too; asked first, so a person without the right learns nothing else about the target.
  const forbidden = deployPermissionRefusal(principal, environment);
  if (forbidden) throw new AppError("forbidden", forbidden.reason);
  const strategy = input.strategy ?? target.defaultStrategy;
  const plan = planRollout({
    strategy,
    canarySteps: target.canarySteps,
    stepPauseSeconds: target.stepPauseSeconds,
    watchSeconds: watchSecondsOf(release.service.analysis),
  });
  if (!plan.ok) throw new AppError("validation", plan.reason, { fields: [{ path: "target.canarySteps", message: plan.reason }] });
  const decision = await decideDeployment({ principal, release, environment, target, overrideReason: input.overrideReason });
  const waits = !decision.allowed && input.waitForWindow && decision.waitUntil !== null;
  if (!decision.allowed && !waits) throw refusal(decision);
  const created = await createDeploymentRecord({
    principal,
    release,
    environment,
    target,
    strategy,
    steps: plan.steps,
    overrideReason: input.overrideReason,
    review: decision.opensReview,
    waitUntil: waits ? decision.waitUntil : null,
  });
  if (!waits) await queueStepSoon({ id: created.id, currentStep: 0, generation: 0, resumeAt: null });
  await notify({
    environmentId: environment.id,
    event: "deploy_started",
    subjectId: created.id,
    text: `${principal.label} ${waits ? "queued" : "started"} ${release.service.slug} ${release.version} on ${environment.name} (${strategy.replace("_", "-")})`,
  });
  if (decision.opensReview?.reason === "window_override") {
    await notify({
      environmentId: environment.id,
      event: "window_overridden",
      subjectId: created.id,
      text: `${principal.label} overrode the ${environment.name} window: ${input.overrideReason}`,
    });
  }
  return { id: created.id, state: entryState({ waitsForWindow: waits }) };
}
