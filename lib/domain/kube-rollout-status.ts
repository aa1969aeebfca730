// `kubectl rollout status` for one Deployment, as a decision: kubectl's own rules (observedGeneration,
// updated / available / old replicas, the Progressing condition's ProgressDeadlineExceeded), so Flightdeck
// and kubectl never disagree about whether a rollout is done.

export type DeploymentRolloutInput = {
  generation?: number;
  specReplicas?: number;
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
  };
};

export type RolloutDecision =
  { phase: "complete"; reason: string } | { phase: "progressing"; reason: string } | { phase: "failed"; reason: string };

export function decideRolloutStatus({ name, deployment }: { name: string; deployment: DeploymentRolloutInput }): RolloutDecision {
  const status = deployment.status ?? {};
  if ((deployment.generation ?? 0) > (status.observedGeneration ?? 0))
    return { phase: "progressing", reason: `Waiting for deployment spec update to be observed` };
  const progressing = status.conditions?.find((c) => c.type === "Progressing");
  if (progressing?.reason === "ProgressDeadlineExceeded")
    return { phase: "failed", reason: `deployment "${name}" exceeded its progress deadline: ${progressing.message ?? "no progress"}` };
  const desired = deployment.specReplicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  const replicas = status.replicas ?? 0;
  const available = status.availableReplicas ?? 0;
  if (updated < desired)
    return {
      phase: "progressing",
      reason: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${desired} new replicas have been updated`,
    };
  if (replicas > updated)
    return {
      phase: "progressing",
      reason: `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination`,
    };
  if (available < updated)
    return {
      phase: "progressing",
      reason: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available`,
    };
  return { phase: "complete", reason: `deployment "${name}" successfully rolled out` };
}
