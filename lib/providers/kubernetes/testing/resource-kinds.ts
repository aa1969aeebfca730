// Every resource the test cluster serves, once: the router, discovery, RBAC messages, validation and the
// store all read this table, so a resource's group, plural and verbs cannot disagree between them.
export type ResourceKind = {
  /** "" for the core group, as the API and RBAC messages spell it. */
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  subresources: ("status" | "scale" | "proxy")[];
  /** Custom resources (HTTPRoute) speak JSON and merge patch but not strategic merge patch, like a real cluster. */
  isCustom: boolean;
  /** metadata.generation bumps when anything outside metadata and status changes. */
  hasGeneration: boolean;
  categories?: string[];
};

const ALL_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

function kind(spec: Omit<ResourceKind, "verbs" | "subresources" | "isCustom" | "hasGeneration"> & Partial<ResourceKind>): ResourceKind {
  return { verbs: ALL_VERBS, subresources: [], isCustom: false, hasGeneration: false, ...spec };
}

export const RESOURCE_KINDS: ResourceKind[] = [
  kind({ group: "", version: "v1", plural: "namespaces", singular: "namespace", kind: "Namespace", namespaced: false, shortNames: ["ns"] }),
  kind({
    group: "",
    version: "v1",
    plural: "pods",
    singular: "pod",
    kind: "Pod",
    namespaced: true,
    shortNames: ["po"],
    subresources: ["status", "proxy"],
    categories: ["all"],
  }),
  kind({
    group: "",
    version: "v1",
    plural: "services",
    singular: "service",
    kind: "Service",
    namespaced: true,
    shortNames: ["svc"],
    subresources: ["status", "proxy"],
    categories: ["all"],
  }),
  kind({ group: "", version: "v1", plural: "events", singular: "event", kind: "Event", namespaced: true, shortNames: ["ev"] }),
  kind({
    group: "apps",
    version: "v1",
    plural: "deployments",
    singular: "deployment",
    kind: "Deployment",
    namespaced: true,
    shortNames: ["deploy"],
    subresources: ["status", "scale"],
    hasGeneration: true,
    categories: ["all"],
  }),
  kind({
    group: "apps",
    version: "v1",
    plural: "replicasets",
    singular: "replicaset",
    kind: "ReplicaSet",
    namespaced: true,
    shortNames: ["rs"],
    subresources: ["status", "scale"],
    hasGeneration: true,
    categories: ["all"],
  }),
  kind({
    group: "gateway.networking.k8s.io",
    version: "v1",
    plural: "httproutes",
    singular: "httproute",
    kind: "HTTPRoute",
    namespaced: true,
    subresources: ["status"],
    isCustom: true,
    hasGeneration: true,
    categories: ["gateway-api"],
  }),
  kind({
    group: "authorization.k8s.io",
    version: "v1",
    plural: "selfsubjectaccessreviews",
    singular: "selfsubjectaccessreview",
    kind: "SelfSubjectAccessReview",
    namespaced: false,
    verbs: ["create"],
  }),
];

/** "apps/v1", or "v1" for the core group. */
export function apiVersionOf(resource: ResourceKind): string {
  return resource.group ? `${resource.group}/${resource.version}` : resource.version;
}

/** "deployments.apps" or "pods": how error messages and RBAC name a resource. */
export function qualifiedName(resource: ResourceKind): string {
  return resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
}

export function findResource({ group, version, plural }: { group: string; version: string; plural: string }): ResourceKind | undefined {
  return RESOURCE_KINDS.find((r) => r.group === group && r.version === version && r.plural === plural);
}

export function resourceOfKind(kindName: string): ResourceKind {
  const found = RESOURCE_KINDS.find((r) => r.kind === kindName);
  if (!found) throw new Error(`the test cluster has no resource of kind ${kindName}`);
  return found;
}
