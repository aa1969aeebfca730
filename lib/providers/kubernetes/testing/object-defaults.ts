// The defaults a real API server fills in on create and update, so that what clients read back (and what
// `kubectl get -o json` shows, and what `rollout undo` compares) has the shape a cluster gives it.
import type { Container, KubeObject, PodTemplateSpec } from "./kube-types";

type Obj = Record<string, unknown>;

function imagePullPolicy(image: string): string {
  const tag = /:([^/:@]+)$/.exec(image)?.[1];
  return !tag || tag === "latest" ? "Always" : "IfNotPresent";
}

function defaultContainer(container: Container & Obj): void {
  container.terminationMessagePath ??= "/dev/termination-log";
  container.terminationMessagePolicy ??= "File";
  container.imagePullPolicy ??= imagePullPolicy(container.image ?? "");
  container.resources ??= {};
  for (const port of container.ports ?? []) (port as Obj).protocol ??= "TCP";
  const probe = container.readinessProbe as Obj | undefined;
  if (probe) {
    Object.assign(probe, { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3, ...probe });
    if (probe.httpGet) (probe.httpGet as Obj).scheme ??= "HTTP";
  }
}

export function defaultPodSpec(spec: PodTemplateSpec["spec"] & Obj): void {
  spec.restartPolicy ??= "Always";
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= "ClusterFirst";
  spec.securityContext ??= {};
  spec.schedulerName ??= "default-scheduler";
  for (const container of spec.containers ?? []) defaultContainer(container as Container & Obj);
}

function defaultDeployment(spec: Obj): void {
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {}) as Obj;
  strategy.type ??= "RollingUpdate";
  if (strategy.type === "RollingUpdate")
    strategy.rollingUpdate = { maxUnavailable: "25%", maxSurge: "25%", ...(strategy.rollingUpdate as Obj) };
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  const template = spec.template as PodTemplateSpec | undefined;
  if (template?.spec) defaultPodSpec(template.spec);
}

let nextClusterIp = 10;
function defaultService(spec: Obj): void {
  spec.type ??= "ClusterIP";
  spec.sessionAffinity ??= "None";
  if (spec.type === "ClusterIP" && !spec.clusterIP) {
    nextClusterIp += 1;
    spec.clusterIP = `10.96.${Math.floor(nextClusterIp / 250)}.${nextClusterIp % 250}`;
  }
  if (spec.clusterIP) spec.clusterIPs ??= [spec.clusterIP];
  spec.ipFamilies ??= ["IPv4"];
  spec.ipFamilyPolicy ??= "SingleStack";
  spec.internalTrafficPolicy ??= "Cluster";
  for (const port of (spec.ports as Obj[] | undefined) ?? []) {
    port.protocol ??= "TCP";
    port.targetPort ??= port.port;
  }
}

function defaultHttpRoute(spec: Obj): void {
  for (const parent of (spec.parentRefs as Obj[] | undefined) ?? [])
    Object.assign(parent, { group: "gateway.networking.k8s.io", kind: "Gateway", ...parent });
  const rules = (spec.rules ??= [{}]) as Obj[];
  for (const rule of rules) {
    rule.matches ??= [{ path: { type: "PathPrefix", value: "/" } }];
    for (const ref of (rule.backendRefs as Obj[] | undefined) ?? []) Object.assign(ref, { group: "", kind: "Service", weight: 1, ...ref });
  }
}

/** Fills in defaults in place on a freshly built object (a clone the caller owns). */
export function applyDefaults(object: KubeObject): void {
  const spec = (object.spec ??= {}) as Obj;
  switch (object.kind) {
    case "Deployment":
      defaultDeployment(spec);
      object.status ??= {};
      break;
    case "ReplicaSet":
      spec.replicas ??= 1;
      if ((spec.template as PodTemplateSpec | undefined)?.spec) defaultPodSpec((spec.template as PodTemplateSpec).spec);
      object.status ??= { replicas: 0 };
      break;
    case "Pod":
      defaultPodSpec(spec as PodTemplateSpec["spec"]);
      object.status ??= { phase: "Pending", qosClass: "BestEffort" };
      break;
    case "Service":
      defaultService(spec);
      object.status ??= { loadBalancer: {} };
      break;
    case "HTTPRoute":
      defaultHttpRoute(spec);
      break;
    case "Namespace":
      object.status ??= { phase: "Active" };
      if (Object.keys(spec).length === 0) object.spec = { finalizers: ["kubernetes"] };
      break;
  }
}
