// The replicaset controller: keeps as many live pods as spec.replicas (removing not-ready and newest pods
// first, as Kubernetes does), and reports replicas / ready / available (ready for minReadySeconds) in status.
import { type Pod, POD_TEMPLATE_HASH_LABEL, type ReplicaSet } from "./kube-types";
import { kubeTime, type ObjectStore, randomSuffix } from "./object-store";
import { resourceOfKind } from "./resource-kinds";
import { createWorkQueue, type WorkQueue } from "./work-queue";

const replicaSets = resourceOfKind("ReplicaSet");
const pods = resourceOfKind("Pod");

export function readySince(pod: Pod): number | undefined {
  const ready = pod.status?.conditions?.find((c) => c.type === "Ready");
  return ready?.status === "True" ? Date.parse(ready.lastTransitionTime ?? "") : undefined;
}

/** Removal order: unscheduled/pending before running, not ready before ready, then the newest first. */
function removalRank(pod: Pod): [number, number, number] {
  const running = pod.status?.phase === "Running" ? 1 : 0;
  const ready = readySince(pod) !== undefined ? 1 : 0;
  return [running, ready, -Date.parse(pod.metadata.creationTimestamp)];
}

export class ReplicaSetController {
  readonly queue: WorkQueue;

  constructor(private readonly store: ObjectStore) {
    this.queue = createWorkQueue({ name: "replicaset", handle: (key) => this.sync(key) });
    store.onChange((event) => {
      const meta = event.object.metadata;
      if (event.resourceKey === "apps/replicasets") this.queue.add(`${meta.namespace}/${meta.name}`);
      if (event.resourceKey === "core/pods") {
        const owner = meta.ownerReferences?.find((r) => r.controller && r.kind === "ReplicaSet");
        if (owner) this.queue.add(`${meta.namespace}/${owner.name}`);
      }
    });
  }

  private sync(key: string): void {
    const [namespace, name] = key.split("/") as [string, string];
    const rs = this.store.get(replicaSets, namespace, name) as ReplicaSet | undefined;
    if (!rs) return;
    const live = (this.store.listOwned(pods, rs.metadata.uid) as Pod[]).filter((p) => !p.metadata.deletionTimestamp);
    const diff = rs.spec.replicas - live.length;
    for (let i = 0; i < diff; i++) this.createPod(rs);
    if (diff < 0) {
      const doomed = [...live].sort((a, b) => compareRank(removalRank(a), removalRank(b))).slice(0, -diff);
      for (const pod of doomed)
        this.store.update(pods, { ...structuredClone(pod), metadata: { ...pod.metadata, deletionTimestamp: kubeTime() } });
    }
    this.writeStatus(rs);
  }

  private createPod(rs: ReplicaSet): void {
    const template = structuredClone(rs.spec.template);
    const hash = template.metadata?.labels?.[POD_TEMPLATE_HASH_LABEL];
    this.store.create(pods, {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: `${rs.metadata.name}-${randomSuffix()}`,
        generateName: `${rs.metadata.name}-`,
        namespace: rs.metadata.namespace,
        labels: { ...template.metadata?.labels, ...(hash ? { [POD_TEMPLATE_HASH_LABEL]: hash } : {}) },
        ...(template.metadata?.annotations ? { annotations: template.metadata.annotations } : {}),
        ownerReferences: [
          {
            apiVersion: "apps/v1",
            kind: "ReplicaSet",
            name: rs.metadata.name,
            uid: rs.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: { ...template.spec, nodeName: "flightdeck-test-node" },
      status: { phase: "Pending", qosClass: "BestEffort" },
    } as unknown as Pod);
  }

  private writeStatus(rs: ReplicaSet): void {
    const live = (this.store.listOwned(pods, rs.metadata.uid) as Pod[]).filter((p) => !p.metadata.deletionTimestamp);
    const minReadyMs = (rs.spec.minReadySeconds ?? 0) * 1000;
    const now = Date.now();
    const readyTimes = live.flatMap((p) => readySince(p) ?? []);
    const available = readyTimes.filter((t) => t + minReadyMs <= now).length;
    const pending = readyTimes.filter((t) => t + minReadyMs > now);
    // A pod becomes available minReadySeconds after it became ready, with no event to say so.
    if (pending.length) this.queue.addAfter(`${rs.metadata.namespace}/${rs.metadata.name}`, Math.min(...pending) + minReadyMs - now + 10);
    const status = Object.fromEntries(
      Object.entries({
        replicas: live.length,
        fullyLabeledReplicas: live.length,
        readyReplicas: readyTimes.length,
        availableReplicas: available,
        observedGeneration: rs.metadata.generation,
      }).filter(([k, v]) => k === "replicas" || v !== 0),
    ) as ReplicaSet["status"];
    if (JSON.stringify(status) === JSON.stringify(rs.status)) return;
    const current = this.store.get(replicaSets, rs.metadata.namespace, rs.metadata.name) as ReplicaSet;
    this.store.update(replicaSets, { ...structuredClone(current), status });
  }
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
