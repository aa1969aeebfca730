// A deployment as the API and the deployment page show it: state, plan with progress, traffic, timeline.
import { AppError } from "@/lib/api/app-error";
import { db } from "@/lib/db";
import type { RolloutStep } from "@/lib/domain/plan-rollout";

export async function getDeployment(id: string) {
  const d = await db.deployment.findUnique({
    where: { id },
    include: {
      release: { select: { id: true, version: true, image: true, digest: true, hotfix: true } },
      target: {
        select: {
          id: true,
          providerType: true,
          service: { select: { slug: true, name: true } },
          environment: { select: { slug: true, name: true, isProduction: true } },
        },
      },
      startedBy: { select: { name: true, email: true } },
      events: { orderBy: { id: "asc" }, take: 500 },
    },
  });
  if (!d) throw new AppError("not_found", `There is no deployment ${id}.`);
  const steps = (d.plan as RolloutStep[]).map((step, index) => ({
    ...step,
    index,
    status: index < d.currentStep || d.state === "succeeded" ? "done" : index === d.currentStep && d.activeTargetId ? "current" : "pending",
  }));
  return {
    id: d.id,
    kind: d.kind,
    state: d.state,
    strategy: d.strategy,
    currentStep: d.currentStep,
    steps,
    trafficPercent: d.trafficPercent,
    revision: d.revision,
    replacesRevision: d.replacesRevision,
    pausedReason: d.pausedReason,
    resumeAt: d.resumeAt?.toISOString() ?? null,
    error: d.error,
    reason: d.reason,
    overrideReason: d.overrideReason,
    rollbackOfId: d.rollbackOfId,
    isActive: d.activeTargetId !== null,
    release: d.release,
    target: d.target,
    startedBy: d.startedBy,
    createdAt: d.createdAt.toISOString(),
    startedAt: d.startedAt?.toISOString() ?? null,
    finishedAt: d.finishedAt?.toISOString() ?? null,
    events: d.events.map((e) => ({
      id: e.id.toString(),
      type: e.type,
      message: e.message,
      data: e.data,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

export type DeploymentDetail = Awaited<ReturnType<typeof getDeployment>>;
