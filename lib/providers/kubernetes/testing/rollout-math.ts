// The arithmetic of a rolling update, as Kubernetes' deployment controller does it: maxSurge rounds up,
// maxUnavailable rounds down (and is at least 1 when both would be 0), the new ReplicaSet grows within
// replicas + maxSurge, and old ReplicaSets shrink only while available pods stay above replicas − maxUnavailable.
import type { Deployment, IntOrString, ReplicaSet } from "./kube-types";

function scaled(value: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === "number") return value;
  const percent = Number(value.replace("%", ""));
  const exact = (percent * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export function resolveFenceposts(d: Deployment): { surge: number; unavailable: number } {
  const rolling = d.spec.strategy.rollingUpdate ?? {};
  const surge = scaled(rolling.maxSurge ?? "25%", d.spec.replicas, true);
  const unavailable = scaled(rolling.maxUnavailable ?? "25%", d.spec.replicas, false);
  return surge === 0 && unavailable === 0 ? { surge, unavailable: 1 } : { surge, unavailable };
}

export function maxUnavailable(d: Deployment): number {
  if (d.spec.strategy.type !== "RollingUpdate" || d.spec.replicas === 0) return 0;
  return Math.min(resolveFenceposts(d).unavailable, d.spec.replicas);
}

export function maxSurge(d: Deployment): number {
  return d.spec.strategy.type === "RollingUpdate" ? resolveFenceposts(d).surge : 0;
}

export const sumSpecReplicas = (sets: ReplicaSet[]) => sets.reduce((n, rs) => n + rs.spec.replicas, 0);
export const sumActualReplicas = (sets: ReplicaSet[]) => sets.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0);
export const sumReadyReplicas = (sets: ReplicaSet[]) => sets.reduce((n, rs) => n + (rs.status?.readyReplicas ?? 0), 0);
export const sumAvailableReplicas = (sets: ReplicaSet[]) => sets.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);

/** How many replicas the new ReplicaSet should have now. */
export function newReplicaSetReplicas(d: Deployment, allSets: ReplicaSet[], newSet: ReplicaSet): number {
  if (d.spec.strategy.type !== "RollingUpdate") return d.spec.replicas;
  const current = sumSpecReplicas(allSets);
  const ceiling = d.spec.replicas + maxSurge(d);
  if (current >= ceiling) return newSet.spec.replicas;
  return newSet.spec.replicas + Math.min(ceiling - current, d.spec.replicas - newSet.spec.replicas);
}

const byCreation = (a: ReplicaSet, b: ReplicaSet) =>
  a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name);

/**
 * New spec.replicas for old ReplicaSets this round (only those that change): first the unhealthy replicas
 * of old sets, which cost no availability, then healthy ones while availability stays above the minimum.
 */
export function planOldScaleDown(d: Deployment, oldSets: ReplicaSet[], newSet: ReplicaSet): Map<string, number> {
  const plan = new Map<string, number>();
  const replicasOf = (rs: ReplicaSet) => plan.get(rs.metadata.name) ?? rs.spec.replicas;
  const old = [...oldSets].filter((rs) => rs.spec.replicas > 0).sort(byCreation);
  if (old.length === 0) return plan;
  const minAvailable = d.spec.replicas - maxUnavailable(d);
  const newUnavailable = newSet.spec.replicas - (newSet.status?.availableReplicas ?? 0);
  const allPods = sumSpecReplicas(old) + newSet.spec.replicas;
  let budget = allPods - minAvailable - newUnavailable;
  if (budget <= 0) return plan;
  for (const rs of old) {
    if (budget <= 0) break;
    const unhealthy = rs.spec.replicas - (rs.status?.availableReplicas ?? 0);
    if (unhealthy <= 0) continue;
    const cut = Math.min(budget, unhealthy);
    plan.set(rs.metadata.name, rs.spec.replicas - cut);
    budget -= cut;
  }
  const available = sumAvailableReplicas([...old, newSet]);
  let healthyBudget = available - minAvailable;
  for (const rs of old) {
    if (healthyBudget <= 0) break;
    const current = replicasOf(rs);
    if (current === 0) continue;
    const cut = Math.min(current, healthyBudget);
    plan.set(rs.metadata.name, current - cut);
    healthyBudget -= cut;
  }
  return plan;
}
