// The labels and annotations Flightdeck puts on Kubernetes objects, and the names of a revision's objects.
import type { KubernetesConfig } from "../provider-config";

/** On pod templates (and so on ReplicaSets and pods): which Flightdeck revision they run. */
export const REVISION_LABEL = "flightdeck/revision";
/** On blue-green / canary revision Deployments and their pods: the target's Deployment they belong to. */
export const TARGET_LABEL = "flightdeck/target";
export const STRATEGY_ANNOTATION = "flightdeck/strategy";
export const VERSION_ANNOTATION = "flightdeck/version";
export const DIGEST_ANNOTATION = "flightdeck/digest";
export const CHANGE_CAUSE_ANNOTATION = "kubernetes.io/change-cause";
export const K8S_REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
export const POD_TEMPLATE_HASH_LABEL = "pod-template-hash";
export const HTTP_ROUTE = { group: "gateway.networking.k8s.io", version: "v1", plural: "httproutes" } as const;

/** The Deployment and preview Service of a blue-green or canary revision: `<deployment>-<revision>`, or the revision alone when that is too long. */
export function revisionObjectName(config: KubernetesConfig, revision: string): string {
  const joined = `${config.deployment}-${revision}`;
  return joined.length <= 63 ? joined : revision;
}

/** A ReplicaSet from before Flightdeck has no revision label: it is named after its Kubernetes revision. */
export function unlabelledRevisionName(config: KubernetesConfig, k8sRevision: string): string {
  return `${config.deployment}-rev-${k8sRevision}`.slice(0, 63).replace(/-+$/, "");
}
