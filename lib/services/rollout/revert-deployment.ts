// Takes a failed or aborted rollout back: all traffic to the revision it replaced, the new revision stopped.
// Runs on the worker for deployments in state reverting; every call is idempotent, so a crash mid-way
// is repaired by running it again.
import { db } from "@/lib/db";
import { transitionOf } from "@/lib/domain/rollout-lifecycle";
import type { DeploymentProvider } from "@/lib/providers/types";
import { finishDeployment, type FinishEvent } from "./finish-deployment";
import { providerTargetOf, type LoadedDeployment } from "./load-deployment";
import { withProviderCall } from "./with-provider-call";

export async function revertDeployment(d: LoadedDeployment, provider: DeploymentProvider): Promise<string> {
  const target = providerTargetOf(d);
  const key = (operation: string) => ({ key: `deploy:${d.id}:revert:${operation}`, deploymentId: d.id, targetId: d.targetId, operation });
  const previous = d.replacesRevision && d.replacesRevision !== d.revision ? d.replacesRevision : null;
  // Only undo what was done: a rollout stopped before it started a revision or moved traffic touches nothing.
  const done = await db.providerCall.findMany({ where: { deploymentId: d.id }, select: { operation: true } });
  const started = done.some((c) => c.operation === "start_revision");
  const movedTraffic = done.some((c) => c.operation.startsWith("set_traffic"));
  // A failed rollback leaves traffic where it is: moving it back would restore the revision being rolled back.
  const movesTraffic = d.kind === "deploy";
  if (movesTraffic && previous && movedTraffic) {
    await withProviderCall(key("traffic"), () => provider.setTraffic({ target, weights: { [previous]: 100 } }));
  }
  // A first deploy that already serves has nothing to take traffic back to: it keeps serving (the lifecycle's
  // failure_kept), rather than being stopped under its own traffic.
  const keepsServing = movedTraffic && !previous;
  if (movesTraffic && started && d.revision && !keepsServing) {
    await withProviderCall(key("stop"), () => provider.stopRevision({ target, revision: d.revision! }));
  }
  // A rollback is never aborted: one that reverts failed (an older row aborted before that rule counts so too).
  const aborted = movesTraffic && !d.error;
  const event: FinishEvent = aborted ? "abort_reverted" : movesTraffic && previous ? "failure_reverted" : "failure_kept";
  const back =
    previous && movesTraffic
      ? `all traffic back on ${previous}`
      : keepsServing
        ? `no earlier revision to take traffic back to, so ${d.revision} keeps serving`
        : "traffic unchanged";
  const message = aborted
    ? `Aborted: ${back}`
    : `${event === "failure_reverted" ? "Rolled back" : "Failed"} (${d.error ?? "stopped"}): ${back}`;
  await finishDeployment(d, { event, message, trafficPercent: keepsServing ? d.trafficPercent : 0, serves: keepsServing });
  return transitionOf(event, d.kind).to;
}
