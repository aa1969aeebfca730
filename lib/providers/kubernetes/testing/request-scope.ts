// What every resource handler gets: the parsed request, the resource it addresses, who asks, and the
// cluster's parts. Plus the two lookups all handlers share (one object or 404; the objects a list selects).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ClusterFaults } from "./cluster-faults";
import { kubeErrors } from "./kube-status-error";
import type { KubeObject } from "./kube-types";
import type { ObjectStore } from "./object-store";
import type { ApiTarget } from "./parse-api-path";
import { type ResourceKind, resourceOfKind } from "./resource-kinds";
import { matchesFields, matchesRequirements, parseFieldSelector, parseLabelSelector } from "./selectors";

export type RequestScope = {
  req: IncomingMessage;
  res: ServerResponse;
  resource: ResourceKind;
  target: ApiTarget;
  query: URLSearchParams;
  user: string;
  store: ObjectStore;
  faults: ClusterFaults;
  /** Open watch streams register here so that stopping the cluster ends them. */
  trackStream: (end: () => void) => () => void;
  bookmarkIntervalMs: number;
};

export function requireObject(scope: RequestScope): KubeObject {
  const { store, resource, target } = scope;
  const found = store.get(resource, target.namespace, target.name ?? "");
  if (!found) throw kubeErrors.notFound(resource, target.name ?? "");
  return found;
}

/** A namespaced write into a namespace that does not exist is a 404 naming the namespace, as in Kubernetes. */
export function requireNamespace(scope: RequestScope): void {
  const { namespace } = scope.target;
  if (scope.resource.namespaced && namespace && !scope.store.get(resourceOfKind("Namespace"), undefined, namespace)) {
    throw kubeErrors.notFound(resourceOfKind("Namespace"), namespace);
  }
}

/** Namespace, label and field selectors of a list or watch request, as one predicate. */
export function selectionOf(scope: RequestScope): (object: KubeObject) => boolean {
  const labels = parseLabelSelector(scope.query.get("labelSelector"));
  const fields = parseFieldSelector(scope.query.get("fieldSelector"));
  const namespace = scope.target.namespace;
  return (object) =>
    (namespace === undefined || object.metadata.namespace === namespace) &&
    matchesRequirements(object.metadata.labels, labels) &&
    matchesFields(object, fields);
}

export function listMatching(scope: RequestScope): KubeObject[] {
  const matches = selectionOf(scope);
  return scope.store
    .list(scope.resource, scope.target.namespace)
    .filter(matches)
    .sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
}
