// What one finished deploy was for delivery: a success, a change failure (with when it failed and when its
// target was healthy again), or not counted. The failure is tied to the deploy that failed, however late the
// rollback that undid it came.
import { isRollbackOf } from "../is-rollback-of";
import type { ChangeFailure, FailureCause, InsightDeployment } from "./insight-types";

export type ChangeOutcome =
  | { outcome: "success" }
  | { outcome: "failure"; failure: ChangeFailure }
  | { outcome: "not_counted"; why: "aborted" | "never_started" | "in_progress" };

const time = (date: Date | null): number => date?.getTime() ?? Number.POSITIVE_INFINITY;

/** The first rollback that undid `deploy`: the one that pre-empted it, or one that took traffic away from its
 *  revision while it was still the target's latest successful deploy. */
function findUndoingRollback(deploy: InsightDeployment, onTarget: readonly InsightDeployment[]): InsightDeployment | null {
  const finished = time(deploy.finishedAt);
  const nextSuccess = onTarget.find(
    (d) => d.kind === "deploy" && d.state === "succeeded" && d.id !== deploy.id && time(d.finishedAt) > finished,
  );
  const undoing = onTarget.filter(
    (r) =>
      r.kind === "rollback" &&
      (r.rollbackOfId === deploy.id ||
        (deploy.state === "succeeded" &&
          r.createdAt.getTime() >= finished &&
          r.createdAt.getTime() < time(nextSuccess?.finishedAt ?? null) &&
          isRollbackOf({ rollback: r, deployment: deploy }))),
  );
  return undoing.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0] ?? null;
}

/** The first deployment of the target (deploy or rollback) that succeeded after `failedAt`. */
function findNextHealthy(failedAt: Date, onTarget: readonly InsightDeployment[], exceptId: string): InsightDeployment | null {
  const healthy = onTarget.filter((d) => d.id !== exceptId && d.state === "succeeded" && time(d.finishedAt) >= failedAt.getTime());
  return healthy.sort((a, b) => time(a.finishedAt) - time(b.finishedAt))[0] ?? null;
}

function failure(deploy: InsightDeployment, cause: FailureCause, failedAt: Date, restoredBy: InsightDeployment | null): ChangeOutcome {
  const restoredAt = restoredBy?.finishedAt ?? null;
  const restoreSeconds = restoredAt ? Math.max(0, (restoredAt.getTime() - failedAt.getTime()) / 1000) : null;
  return {
    outcome: "failure",
    failure: { deploymentId: deploy.id, cause, failedAt, restoredAt, restoredById: restoredBy?.id ?? null, restoreSeconds },
  };
}

export function classifyChange({ deploy, onTarget }: { deploy: InsightDeployment; onTarget: readonly InsightDeployment[] }): ChangeOutcome {
  if (!deploy.finishedAt) return { outcome: "not_counted", why: "in_progress" };
  if (!deploy.startedAt) return { outcome: "not_counted", why: "never_started" };
  const rollback = findUndoingRollback(deploy, onTarget);
  const restoredAfter = (failedAt: Date) => (rollback?.state === "succeeded" ? rollback : findNextHealthy(failedAt, onTarget, deploy.id));
  switch (deploy.state) {
    case "succeeded":
      return rollback
        ? failure(deploy, "rolled_back_after_success", rollback.createdAt, restoredAfter(rollback.createdAt))
        : { outcome: "success" };
    case "rolled_back":
      // The engine's revert put traffic back on the replaced revision: healthy when the deploy finished.
      return failure(deploy, "reverted", deploy.firstErrorAt ?? deploy.finishedAt, deploy);
    case "failed": {
      const failedAt = deploy.firstErrorAt ?? deploy.finishedAt;
      return failure(deploy, "failed", failedAt, restoredAfter(failedAt));
    }
    case "aborted":
      return rollback
        ? failure(deploy, "rollback_preempted", rollback.createdAt, restoredAfter(rollback.createdAt))
        : { outcome: "not_counted", why: "aborted" };
    default:
      return { outcome: "not_counted", why: "in_progress" };
  }
}
