// Background cascading deletion, as the garbage collector does it: when an owner goes, its dependents
// (ReplicaSets of a Deployment, Pods of a ReplicaSet) go too; pods get a graceful deletion the kubelet
// finishes. `propagationPolicy: Orphan` is honoured by the API handler stripping ownerReferences first.
import type { KubeObject } from "./kube-types";
import { kubeTime, type ObjectStore } from "./object-store";
import { RESOURCE_KINDS, resourceOfKind } from "./resource-kinds";

const pods = resourceOfKind("Pod");
const namespaces = resourceOfKind("Namespace");

export function startGarbageCollector(store: ObjectStore): () => void {
  const collect = (owner: KubeObject) => {
    for (const resource of RESOURCE_KINDS) {
      for (const dependent of store.listOwned(resource, owner.metadata.uid)) {
        if (dependent.metadata.deletionTimestamp) continue;
        if (resource === pods)
          store.update(pods, { ...structuredClone(dependent), metadata: { ...dependent.metadata, deletionTimestamp: kubeTime() } });
        else store.delete(resource, dependent.metadata.namespace, dependent.metadata.name);
      }
    }
  };
  const emptyNamespace = (namespace: string) => {
    for (const resource of RESOURCE_KINDS.filter((r) => r.namespaced)) {
      for (const object of store.list(resource, namespace)) {
        if (object.metadata.deletionTimestamp) continue;
        if (resource === pods)
          store.update(pods, { ...structuredClone(object), metadata: { ...object.metadata, deletionTimestamp: kubeTime() } });
        else store.delete(resource, namespace, object.metadata.name);
      }
    }
  };
  return store.onChange((event) => {
    if (event.type !== "DELETED") return;
    // Deferred a turn so the delete's own response and watch events go out first, as in a real cluster.
    setImmediate(() => {
      collect(event.object);
      if (event.resourceKey === `core/${namespaces.plural}`) emptyNamespace(event.object.metadata.name);
    });
  });
}
