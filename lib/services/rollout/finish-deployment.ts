// Ends a deployment: its final state, the target it frees, the timeline and the audit log, in one transaction.
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type DeploymentState } from "@/lib/db";
import { notify, type NotificationEvent } from "@/lib/services/notify";
import { appendEvent } from "./append-event";
import type { LoadedDeployment } from "./load-deployment";

type Final = Extract<DeploymentState, "succeeded" | "failed" | "rolled_back" | "aborted">;

const EVENT_OF: Record<Final, NotificationEvent> = {
  succeeded: "deploy_finished",
  failed: "deploy_failed",
  rolled_back: "rolled_back",
  aborted: "deploy_failed",
};

export async function finishDeployment(
  d: LoadedDeployment,
  options: { state: Final; message: string; trafficPercent: number },
): Promise<void> {
  const ended = await db.$transaction(async (tx) => {
    const updated = await tx.deployment.updateMany({
      where: { id: d.id, activeTargetId: { not: null } },
      data: {
        state: options.state,
        finishedAt: new Date(),
        activeTargetId: null,
        trafficPercent: options.trafficPercent,
        pausedReason: null,
        resumeAt: null,
      },
    });
    if (updated.count === 0) return false; // already ended (pre-empted by a rollback, or a repeated job)
    if (options.state === "succeeded") {
      await tx.target.update({ where: { id: d.targetId }, data: { currentRevision: d.revision, currentReleaseId: d.releaseId } });
    }
    await appendEvent(tx, { deploymentId: d.id, type: "state_changed", message: options.message, data: { state: options.state } });
    await recordAudit(
      tx,
      { userId: null, label: "system" },
      {
        action: `deployment.${options.state}`,
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
  if (!ended) return;
  const what = `${d.kind === "rollback" ? "Rollback of" : "Deploy of"} ${d.target.service.slug} ${d.release.version} on ${d.target.environment.name}`;
  const event = d.kind === "rollback" && options.state === "succeeded" ? "rolled_back" : EVENT_OF[options.state];
  await notify({ environmentId: d.target.environmentId, event, subjectId: d.id, text: `${what}: ${options.message}` });
}
