// A Deployment's status as Kubernetes computes it: replica counts summed over its ReplicaSets, the
// `Available` condition, and the `Progressing` condition that moves from NewReplicaSetCreated /
// ReplicaSetUpdated to NewReplicaSetAvailable, or to ProgressDeadlineExceeded when no progress is seen in time.
import { kubeTime } from "./object-store";
import type { Condition, Deployment, DeploymentStatus, ReplicaSet } from "./kube-types";
import { maxUnavailable, sumActualReplicas, sumAvailableReplicas, sumReadyReplicas, sumSpecReplicas } from "./rollout-math";

export const PROGRESSING = "Progressing";

export function findCondition(status: DeploymentStatus, type: string): Condition | undefined {
  return status.conditions?.find((c) => c.type === type);
}

/** Same status and reason: nothing changes (not even lastUpdateTime). Same status only: keeps lastTransitionTime. */
export function setCondition(
  status: DeploymentStatus,
  condition: Omit<Condition, "lastUpdateTime" | "lastTransitionTime">,
  now: Date,
): void {
  const existing = findCondition(status, condition.type);
  if (existing && existing.status === condition.status && existing.reason === condition.reason) return;
  const time = kubeTime(now);
  const next: Condition = {
    ...condition,
    lastUpdateTime: time,
    lastTransitionTime: existing && existing.status === condition.status ? existing.lastTransitionTime : time,
  };
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

/** Zero counts are left out, as the API's omitempty fields are. */
function withoutZeros(status: DeploymentStatus): DeploymentStatus {
  return Object.fromEntries(Object.entries(status).filter(([, v]) => v !== 0 && v !== undefined)) as DeploymentStatus;
}

export function calculateStatus(d: Deployment, allSets: ReplicaSet[], newSet: ReplicaSet | undefined, now: Date): DeploymentStatus {
  const available = sumAvailableReplicas(allSets);
  const status: DeploymentStatus = withoutZeros({
    observedGeneration: d.metadata.generation,
    replicas: sumActualReplicas(allSets),
    updatedReplicas: newSet ? sumActualReplicas([newSet]) : 0,
    readyReplicas: sumReadyReplicas(allSets),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sumSpecReplicas(allSets) - available),
    collisionCount: d.status?.collisionCount,
  });
  status.conditions = structuredClone(d.status?.conditions ?? []);
  if (available >= d.spec.replicas - maxUnavailable(d)) {
    setCondition(
      status,
      { type: "Available", status: "True", reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." },
      now,
    );
  } else {
    setCondition(
      status,
      {
        type: "Available",
        status: "False",
        reason: "MinimumReplicasUnavailable",
        message: "Deployment does not have minimum availability.",
      },
      now,
    );
  }
  return status;
}

export function isComplete(d: Deployment, s: DeploymentStatus): boolean {
  const want = d.spec.replicas;
  return (
    (s.updatedReplicas ?? 0) === want &&
    (s.replicas ?? 0) === want &&
    (s.availableReplicas ?? 0) === want &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

function isProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

export function isTimedOut(d: Deployment, s: DeploymentStatus, now: Date): boolean {
  const condition = findCondition(s, PROGRESSING);
  if (!condition || condition.reason === "NewReplicaSetAvailable") return false;
  if (condition.reason === "ProgressDeadlineExceeded") return true;
  return Date.parse(condition.lastUpdateTime ?? "") + d.spec.progressDeadlineSeconds * 1000 < now.getTime();
}

/** The status to write after a rollout step: counts plus the Progressing verdict. */
export function rolloutStatus(d: Deployment, allSets: ReplicaSet[], newSet: ReplicaSet | undefined, now: Date): DeploymentStatus {
  const status = calculateStatus(d, allSets, newSet, now);
  const current = findCondition(d.status ?? {}, PROGRESSING);
  const finished = status.replicas === status.updatedReplicas && current?.reason === "NewReplicaSetAvailable";
  if (finished) return status;
  const subject = newSet ? `ReplicaSet "${newSet.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (isComplete(d, status)) {
    setCondition(
      status,
      { type: PROGRESSING, status: "True", reason: "NewReplicaSetAvailable", message: `${subject} has successfully progressed.` },
      now,
    );
  } else if (isProgressing(d, status)) {
    // Progress refreshes lastUpdateTime even with the same reason: that is what the deadline counts from.
    const transition = current?.status === "True" ? current.lastTransitionTime : kubeTime(now);
    status.conditions = [
      ...(status.conditions ?? []).filter((c) => c.type !== PROGRESSING),
      {
        type: PROGRESSING,
        status: "True",
        reason: "ReplicaSetUpdated",
        message: `${subject} is progressing.`,
        lastUpdateTime: kubeTime(now),
        lastTransitionTime: transition,
      },
    ];
  } else if (isTimedOut(d, status, now)) {
    setCondition(
      status,
      { type: PROGRESSING, status: "False", reason: "ProgressDeadlineExceeded", message: `${subject} has timed out progressing.` },
      now,
    );
  }
  return status;
}
