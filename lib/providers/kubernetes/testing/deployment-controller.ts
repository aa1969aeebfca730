// The deployment controller: converges each Deployment's ReplicaSets toward its spec one step per sync
// (rolling or recreate), keeps history to revisionHistoryLimit, and writes status and conditions. Written
// after Kubernetes' pkg/controller/deployment; every change comes back as an event and triggers the next step.
import { type Deployment, REVISION_ANNOTATION, type ReplicaSet } from "./kube-types";
import { PROGRESSING, findCondition, rolloutStatus, setCondition, calculateStatus } from "./deployment-status";
import type { ObjectStore } from "./object-store";
import { resourceOfKind } from "./resource-kinds";
import { newReplicaSetReplicas, planOldScaleDown } from "./rollout-math";
import { replicaAnnotations, revisionOf, syncNewReplicaSet } from "./sync-new-replica-set";
import { createWorkQueue, type WorkQueue } from "./work-queue";

const deployments = resourceOfKind("Deployment");
const replicaSets = resourceOfKind("ReplicaSet");

export class DeploymentController {
  readonly queue: WorkQueue;

  constructor(private readonly store: ObjectStore) {
    this.queue = createWorkQueue({ name: "deployment", handle: (key) => this.sync(key) });
    store.onChange((event) => {
      const meta = event.object.metadata;
      if (event.resourceKey === "apps/deployments") this.queue.add(`${meta.namespace}/${meta.name}`);
      if (event.resourceKey === "apps/replicasets") {
        const owner = meta.ownerReferences?.find((r) => r.controller && r.kind === "Deployment");
        if (owner) this.queue.add(`${meta.namespace}/${owner.name}`);
      }
    });
  }

  private sync(key: string): void {
    const [namespace, name] = key.split("/") as [string, string];
    const d = this.store.get(deployments, namespace, name) as Deployment | undefined;
    if (!d || d.metadata.deletionTimestamp) return;
    const sets = this.store.listOwned(replicaSets, d.metadata.uid) as ReplicaSet[];
    const now = new Date();
    if (d.spec.paused) return this.syncPaused(d, sets, now);
    if (findCondition(d.status ?? {}, PROGRESSING)?.reason === "DeploymentPaused") {
      const next = structuredClone(d);
      setCondition(
        next.status,
        { type: PROGRESSING, status: "Unknown", reason: "DeploymentResumed", message: "Deployment is resumed" },
        now,
      );
      this.store.update(deployments, next);
      return;
    }
    const replicasFor = (fresh: ReplicaSet) => newReplicaSetReplicas(d, [...sets, fresh], fresh);
    const { newSet, created } = syncNewReplicaSet({ store: this.store, d, sets, create: true, replicas: replicasFor });
    if (!newSet) return;
    const oldSets = sets.filter((rs) => rs.metadata.uid !== newSet.metadata.uid);
    if (this.syncRevisionAnnotation(d, newSet, created)) return;
    const scaled = d.spec.strategy.type === "Recreate" ? this.stepRecreate(d, oldSets, newSet) : this.stepRolling(d, oldSets, newSet);
    if (!scaled) this.cleanup(d, oldSets);
    this.writeStatus(d, rolloutStatus(d, [...oldSets, newSet], newSet, now));
  }

  /** Returns true if it wrote the Deployment (the write's event brings the next sync). */
  private syncRevisionAnnotation(d: Deployment, newSet: ReplicaSet, created: boolean): boolean {
    const revision = newSet.metadata.annotations?.[REVISION_ANNOTATION];
    const needsCondition = created || !findCondition(d.status ?? {}, PROGRESSING);
    if (d.metadata.annotations?.[REVISION_ANNOTATION] === revision && !needsCondition) return false;
    const next = structuredClone(d);
    next.metadata.annotations = { ...next.metadata.annotations, [REVISION_ANNOTATION]: revision ?? "1" };
    if (needsCondition) {
      const [reason, verb] = created ? ["NewReplicaSetCreated", "Created new"] : ["FoundNewReplicaSet", "Found new"];
      setCondition(
        (next.status ??= {}),
        { type: PROGRESSING, status: "True", reason, message: `${verb} replica set "${newSet.metadata.name}"` },
        new Date(),
      );
    }
    this.store.update(deployments, next);
    return true;
  }

  private stepRolling(d: Deployment, oldSets: ReplicaSet[], newSet: ReplicaSet): boolean {
    if (newSet.spec.replicas > d.spec.replicas) return this.scale(d, newSet, d.spec.replicas);
    const wanted = newReplicaSetReplicas(d, [...oldSets, newSet], newSet);
    if (wanted !== newSet.spec.replicas) return this.scale(d, newSet, wanted);
    let scaled = false;
    for (const [setName, replicas] of planOldScaleDown(d, oldSets, newSet)) {
      scaled =
        this.scale(
          d,
          oldSets.find((rs) => rs.metadata.name === setName)!,
          replicas,
        ) || scaled;
    }
    return scaled;
  }

  private stepRecreate(d: Deployment, oldSets: ReplicaSet[], newSet: ReplicaSet): boolean {
    let scaled = false;
    for (const rs of oldSets) if (rs.spec.replicas > 0) scaled = this.scale(d, rs, 0) || scaled;
    if (scaled || oldSets.some((rs) => (rs.status?.replicas ?? 0) > 0)) return true;
    return this.scale(d, newSet, d.spec.replicas);
  }

  private scale(d: Deployment, rs: ReplicaSet, replicas: number): boolean {
    const annotations = { ...rs.metadata.annotations, ...replicaAnnotations(d) };
    if (rs.spec.replicas === replicas && JSON.stringify(annotations) === JSON.stringify(rs.metadata.annotations)) return false;
    const next = structuredClone(rs);
    next.spec.replicas = replicas;
    next.metadata.annotations = annotations;
    this.store.update(replicaSets, next);
    return rs.spec.replicas !== replicas;
  }

  /** Deletes scaled-down old ReplicaSets beyond revisionHistoryLimit, lowest revisions first. */
  private cleanup(d: Deployment, oldSets: ReplicaSet[]): void {
    const cleanable = oldSets
      .filter((rs) => rs.spec.replicas === 0 && (rs.status?.replicas ?? 0) === 0)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of cleanable.slice(0, Math.max(0, cleanable.length - d.spec.revisionHistoryLimit))) {
      this.store.delete(replicaSets, rs.metadata.namespace, rs.metadata.name);
    }
  }

  /** Paused: no new ReplicaSet and no rollout step, only status (and the Unknown/DeploymentPaused condition). */
  private syncPaused(d: Deployment, sets: ReplicaSet[], now: Date): void {
    const { newSet } = syncNewReplicaSet({ store: this.store, d, sets, create: false, replicas: () => 0 });
    const status = calculateStatus(d, sets, newSet, now);
    if (findCondition(status, PROGRESSING)?.reason !== "ProgressDeadlineExceeded") {
      setCondition(status, { type: PROGRESSING, status: "Unknown", reason: "DeploymentPaused", message: "Deployment is paused" }, now);
    }
    this.writeStatus(d, status);
  }

  private writeStatus(d: Deployment, status: Deployment["status"]): void {
    const condition = findCondition(status, PROGRESSING);
    const deadline = ["ReplicaSetUpdated", "NewReplicaSetCreated", "FoundNewReplicaSet", "DeploymentResumed"].includes(
      condition?.reason ?? "",
    );
    if (deadline && condition?.lastUpdateTime) {
      // No event may come while a rollout is stuck: look again once its deadline has passed.
      const due = Date.parse(condition.lastUpdateTime) + d.spec.progressDeadlineSeconds * 1000 + 1000 - Date.now();
      this.queue.addAfter(`${d.metadata.namespace}/${d.metadata.name}`, due);
    }
    if (JSON.stringify(status) === JSON.stringify(d.status)) return;
    this.store.update(deployments, { ...structuredClone(d), status });
  }
}
