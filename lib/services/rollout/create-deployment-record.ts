// Writes a new deployment with its first event, its audit entry and the post-hoc review the gate asked for,
// in one transaction. The unique activeTargetId makes a second active deployment of the target fail here.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db, type Environment, type Release, type Strategy, type Target } from "@/lib/db";
import type { RolloutStep } from "@/lib/domain/plan-rollout";
import { entryState } from "@/lib/domain/rollout-lifecycle";
import { openReviewForDeployment } from "@/lib/services/open-review-for-deployment";
import { appendEvent } from "./append-event";
import { revisionNameFor } from "./load-deployment";

type Options = {
  principal: Principal;
  release: Release & { service: { slug: string } };
  environment: Environment;
  target: Target;
  strategy: Strategy;
  steps: RolloutStep[];
  overrideReason?: string;
  review: { reason: "hotfix" | "window_override" | "budget_override"; detail: string } | null;
  /** set when the deployment waits queued for its window to open */
  waitUntil: Date | null;
};

async function conflictWithRunning(targetId: string): Promise<AppError> {
  const running = await db.deployment.findUnique({ where: { activeTargetId: targetId }, select: { id: true, state: true } });
  return new AppError(
    "conflict",
    `Another deployment (${running?.id ?? "unknown"}, ${running?.state ?? "active"}) is running on this target; wait for it, or abort it.`,
    {
      extra: { deploymentId: running?.id ?? null },
    },
  );
}

export async function createDeploymentRecord(o: Options): Promise<{ id: string }> {
  const { principal, release, environment, target } = o;
  const state = entryState({ waitsForWindow: o.waitUntil !== null });
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.deployment.create({
        data: {
          releaseId: release.id,
          targetId: target.id,
          activeTargetId: target.id,
          kind: "deploy",
          strategy: o.strategy,
          plan: o.steps,
          replacesRevision: target.currentRevision,
          startedById: principal.userId,
          overrideReason: o.overrideReason,
          state,
          resumeAt: o.waitUntil,
        },
        include: { target: { include: { service: true, environment: true } } },
      });
      const revision = revisionNameFor(created);
      await tx.deployment.update({ where: { id: created.id }, data: { revision } });
      const queued = o.waitUntil ? `waiting for the window to open at ${o.waitUntil.toISOString()}` : "queued";
      await appendEvent(tx, {
        deploymentId: created.id,
        type: "state_changed",
        message: `${release.version} to ${environment.name}, ${o.strategy.replace("_", "-")}: ${queued} by ${principal.label}`,
        data: { state },
      });
      await recordAudit(tx, actorOf(principal), {
        action: "deployment.started",
        subjectType: "deployment",
        subjectId: created.id,
        details: {
          service: release.service.slug,
          environment: environment.slug,
          version: release.version,
          strategy: o.strategy,
          revision,
          overrideReason: o.overrideReason ?? null,
          waitUntil: o.waitUntil?.toISOString() ?? null,
        },
      });
      if (o.review)
        await openReviewForDeployment(tx, {
          principal,
          releaseId: release.id,
          environmentId: environment.id,
          deploymentId: created.id,
          review: o.review,
        });
      return { id: created.id };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw await conflictWithRunning(target.id);
    throw error;
  }
}
