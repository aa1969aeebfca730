// Finds or creates the ReplicaSet whose template is the Deployment's, and keeps revisions as Kubernetes
// does: the new set gets max(old revisions) + 1; re-using an old set (a `rollout undo`) moves its revision
// up and remembers the one it had in `deployment.kubernetes.io/revision-history`.
import {
  DESIRED_REPLICAS_ANNOTATION,
  type Deployment,
  MAX_REPLICAS_ANNOTATION,
  POD_TEMPLATE_HASH_LABEL,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  type ReplicaSet,
} from "./kube-types";
import type { ObjectStore } from "./object-store";
import { resourceOfKind } from "./resource-kinds";
import { maxSurge } from "./rollout-math";
import { podTemplateHash, sameTemplate } from "./template-hash";

const replicaSets = resourceOfKind("ReplicaSet");
// Deployment annotations that stay on the Deployment (kubectl's rollout undo skips the same list).
const NOT_COPIED = new Set([
  "kubectl.kubernetes.io/last-applied-configuration",
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  "deprecated.deployment.rollback.to",
]);

export const revisionOf = (rs: { metadata: { annotations?: Record<string, string> } }) =>
  Number(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? 0);

export function replicaAnnotations(d: Deployment): Record<string, string> {
  return { [DESIRED_REPLICAS_ANNOTATION]: String(d.spec.replicas), [MAX_REPLICAS_ANNOTATION]: String(d.spec.replicas + maxSurge(d)) };
}

function annotationsFor(d: Deployment, existing: Record<string, string>, revision: number): Record<string, string> {
  const copied = Object.fromEntries(Object.entries(d.metadata.annotations ?? {}).filter(([k]) => !NOT_COPIED.has(k)));
  const annotations = { ...existing, ...copied, ...replicaAnnotations(d) };
  const old = Number(existing[REVISION_ANNOTATION] ?? 0);
  if (old < revision) {
    annotations[REVISION_ANNOTATION] = String(revision);
    if (old > 0) annotations[REVISION_HISTORY_ANNOTATION] = [existing[REVISION_HISTORY_ANNOTATION], String(old)].filter(Boolean).join(",");
  }
  return annotations;
}

export function findNewReplicaSet(d: Deployment, sets: ReplicaSet[]): ReplicaSet | undefined {
  return sets
    .filter((rs) => sameTemplate(rs.spec.template, d.spec.template))
    .sort((a, b) => a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp))[0];
}

/** The Deployment's current ReplicaSet, created (with `replicas`) if `create` and none matches. */
export function syncNewReplicaSet({
  store,
  d,
  sets,
  create,
  replicas,
}: {
  store: ObjectStore;
  d: Deployment;
  sets: ReplicaSet[];
  create: boolean;
  replicas: (fresh: ReplicaSet) => number;
}): { newSet?: ReplicaSet; created: boolean } {
  const existing = findNewReplicaSet(d, sets);
  const oldSets = sets.filter((rs) => rs !== existing);
  const revision = Math.max(0, ...oldSets.map(revisionOf)) + 1;
  if (existing) {
    const annotations = annotationsFor(d, existing.metadata.annotations ?? {}, revision);
    const minReadySeconds = d.spec.minReadySeconds ?? 0;
    if (
      JSON.stringify(annotations) === JSON.stringify(existing.metadata.annotations) &&
      (existing.spec.minReadySeconds ?? 0) === minReadySeconds
    ) {
      return { newSet: existing, created: false };
    }
    const updated = structuredClone(existing);
    updated.metadata.annotations = annotations;
    updated.spec.minReadySeconds = minReadySeconds;
    return { newSet: store.update(replicaSets, updated) as ReplicaSet, created: false };
  }
  if (!create) return { created: false };
  const hash = podTemplateHash(d.spec.template, d.status?.collisionCount ?? 0);
  const template = structuredClone(d.spec.template);
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH_LABEL]: hash } };
  const fresh = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      annotations: annotationsFor(d, {}, revision),
      ownerReferences: [
        {
          apiVersion: "apps/v1",
          kind: "Deployment",
          name: d.metadata.name,
          uid: d.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas: 0,
      minReadySeconds: d.spec.minReadySeconds ?? 0,
      selector: { ...d.spec.selector, matchLabels: { ...d.spec.selector.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash } },
      template,
    },
    status: { replicas: 0 },
  } as unknown as ReplicaSet;
  fresh.spec.replicas = replicas(fresh);
  return { newSet: store.create(replicaSets, fresh) as ReplicaSet, created: true };
}
