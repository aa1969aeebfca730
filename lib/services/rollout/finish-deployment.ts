// Ends a deployment: its final state, the target it frees, the timeline and the audit log, in one transaction.
// The final state is the one the lifecycle gives the event, and only from the states the event may happen in.
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { transitionOf, type LifecycleEvent } from "@/lib/domain/rollout-lifecycle";
import { notify, type NotificationEvent } from "@/lib/services/notify";
import { appendEvent } from "./append-event";
import type { LoadedDeployment } from "./load-deployment";

export type FinishEvent = Extract<
  LifecycleEvent,
  "rollout_completed" | "window_gate_refused" | "abort_reverted" | "failure_reverted" | "failure_kept"
>;

const NOTIFICATION_OF: Record<FinishEvent, NotificationEvent> = {
  rollout_completed: "deploy_finished",
  window_gate_refused: "deploy_failed",
  abort_reverted: "deploy_failed",
  failure_reverted: "rolled_back",
  failure_kept: "deploy_failed",
};

/** Returns whether this call ended it (false: it had ended already, or moved to a state the event does not apply to). */
export async function finishDeployment(
  d: LoadedDeployment,
  options: {
    event: FinishEvent;
    message: string;
    trafficPercent: number;
    /** its revision serves the target now (a completed rollout; a failed first deploy that already had traffic) */
    serves?: boolean;
  },
): Promise<boolean> {
  const { from, to: state } = transitionOf(options.event, d.kind);
  const ended = await db.$transaction(async (tx) => {
    const updated = await tx.deployment.updateMany({
      where: { id: d.id, activeTargetId: { not: null }, state: { in: from } },
      data: {
        state,
        finishedAt: new Date(),
        activeTargetId: null,
        trafficPercent: options.trafficPercent,
        pausedReason: null,
        resumeAt: null,
      },
    });
    if (updated.count === 0) return false; // already ended (pre-empted by a rollback, or a repeated job), or paused meanwhile
    if (options.event === "rollout_completed" || options.serves) {
      await tx.target.update({ where: { id: d.targetId }, data: { currentRevision: d.revision, currentReleaseId: d.releaseId } });
    }
    await appendEvent(tx, { deploymentId: d.id, type: "state_changed", message: options.message, data: { state } });
    await recordAudit(
      tx,
      { userId: null, label: "system" },
      {
        action: `deployment.${state}`,
        subjectType: "deployment",
        subjectId: d.id,
        details: {
          kind: d.kind,
          service: d.target.service.slug,
          environment: d.target.environment.slug,
          version: d.release.version,
          revision: d.revision,
        },
      },
    );
    return true;
  });
  if (!ended) return false;
  const what = `${d.kind === "rollback" ? "Rollback of" : "Deploy of"} ${d.target.service.slug} ${d.release.version} on ${d.target.environment.name}`;
  const event = d.kind === "rollback" && options.event === "rollout_completed" ? "rolled_back" : NOTIFICATION_OF[options.event];
  await notify({ environmentId: d.target.environmentId, event, subjectId: d.id, text: `${what}: ${options.message}` });
  return true;
}
