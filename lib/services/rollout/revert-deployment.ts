// Takes a failed or aborted rollout back: all traffic to the revision it replaced, the new revision stopped.
// Runs on the worker for deployments in state reverting; every call is idempotent, so a crash mid-way
// is repaired by running it again.
import { db } from "@/lib/db";
import type { DeploymentProvider } from "@/lib/providers/types";
import { finishDeployment } from "./finish-deployment";
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
  if (movesTraffic && started && d.revision) {
    await withProviderCall(key("stop"), () => provider.stopRevision({ target, revision: d.revision! }));
  }
  const aborted = !d.error;
  const state = aborted ? "aborted" : movesTraffic && previous ? "rolled_back" : "failed";
  const back = previous && movesTraffic ? `all traffic back on ${previous}` : "traffic unchanged";
  const message = aborted ? `Aborted: ${back}` : `${state === "rolled_back" ? "Rolled back" : "Failed"} (${d.error}): ${back}`;
  await finishDeployment(d, { state, message, trafficPercent: 0 });
  return state;
}
