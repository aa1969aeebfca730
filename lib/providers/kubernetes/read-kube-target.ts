// Reads everything a target's state is made of, in one pass: its Deployment, the ReplicaSets that Deployment
// owns (the rolling revision history), the blue-green / canary revision Deployments labelled for it, its
// Service and, when configured and served, its HTTPRoute. Every method of the provider decides from this.
import type { V1Deployment, V1Pod, V1ReplicaSet, V1Service } from "@kubernetes/client-node";
import { AppError } from "@/lib/api/app-error";
import { callKubeApi, type KubeCallOptions } from "./call-kube-api";
import type { KubeClients } from "./kube-clients";
import { HTTP_ROUTE, REVISION_LABEL, TARGET_LABEL } from "./kube-names";

export type HttpRouteObject = {
  metadata: { name: string; resourceVersion?: string };
  spec: { rules?: { matches?: unknown[]; backendRefs?: { name: string; port?: number; weight?: number; kind?: string }[] }[] };
};

export type KubeSnapshot = {
  deployment: V1Deployment;
  replicaSets: V1ReplicaSet[];
  revisionDeployments: V1Deployment[];
  service?: V1Service;
  /** Ready pods of Flightdeck revisions in the namespace: a revision's URL reaches one of them. */
  readyPods: V1Pod[];
  /** The configured HTTPRoute when the Gateway API is served; null when it is not configured or not served. */
  route: HttpRouteObject | null;
  routeServed: boolean;
};

/** What the cluster answered to the provider's writes of one operation: the objects as they are after them. */
export type KubeWrites = { deployments: V1Deployment[]; service?: V1Service; route?: HttpRouteObject };

export const noWrites = (): KubeWrites => ({ deployments: [] });

/**
 * The snapshot after the provider's own writes, from the objects the cluster returned for them: what a read
 * right after would find, without the five calls of that read (the controllers' reactions come with the next).
 */
export function withWrites(snapshot: KubeSnapshot, written: KubeWrites): KubeSnapshot {
  const name = (o: { metadata?: { name?: string } }) => o.metadata?.name;
  const target = name(snapshot.deployment);
  const revisions = [...snapshot.revisionDeployments];
  let deployment = snapshot.deployment;
  for (const d of written.deployments) {
    if (name(d) === target) deployment = d;
    else {
      const at = revisions.findIndex((r) => name(r) === name(d));
      if (at >= 0) revisions[at] = d;
      else revisions.push(d);
    }
  }
  return {
    ...snapshot,
    deployment,
    revisionDeployments: revisions,
    service: written.service ?? snapshot.service,
    route: written.route ?? snapshot.route,
  };
}

const ROUTE_CHECK_MS = 30_000;

/** Whether the cluster serves gateway.networking.k8s.io/v1 (the HTTPRoute CRD), re-checked every 30 s. */
export async function isRouteCrdServed(clients: KubeClients, options: KubeCallOptions, now = Date.now()): Promise<boolean> {
  if (clients.routeCrd && now - clients.routeCrd.checkedAt < ROUTE_CHECK_MS) return clients.routeCrd.served;
  const groups = await callKubeApi(
    { verb: "get", resource: "apis (API discovery)", namespace: clients.config.namespace },
    () => clients.apis.getAPIVersions(),
    options,
  );
  const served = groups.groups.some((g) => g.name === HTTP_ROUTE.group && g.versions.some((v) => v.version === HTTP_ROUTE.version));
  clients.routeCrd = { checkedAt: now, served };
  return served;
}

export async function readKubeTarget(clients: KubeClients, options: KubeCallOptions): Promise<KubeSnapshot> {
  const { config, apps, core, custom } = clients;
  const { namespace } = config;
  const deployment = await callKubeApi(
    { verb: "get", resource: "deployments", namespace, name: config.deployment },
    () => apps.readNamespacedDeployment({ name: config.deployment, namespace }),
    options,
  ).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found")
      throw new AppError(
        "validation",
        `providerConfig.deployment: Deployment "${config.deployment}" does not exist in namespace ${namespace}`,
        {
          fields: [{ path: "providerConfig.deployment", message: `no Deployment "${config.deployment}" in namespace ${namespace}` }],
        },
      );
    throw error;
  });
  const matchLabels = deployment.spec?.selector.matchLabels ?? {};
  const labelSelector = Object.entries(matchLabels)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
  const routeServed = config.httpRoute ? await isRouteCrdServed(clients, options) : false;
  const [sets, revisions, service, route, pods] = await Promise.all([
    callKubeApi(
      { verb: "list", resource: "replicasets", namespace },
      () => apps.listNamespacedReplicaSet({ namespace, labelSelector }),
      options,
    ),
    callKubeApi(
      { verb: "list", resource: "deployments", namespace },
      () => apps.listNamespacedDeployment({ namespace, labelSelector: `${TARGET_LABEL}=${config.deployment}` }),
      options,
    ),
    config.service
      ? callKubeApi(
          { verb: "get", resource: "services", namespace, name: config.service },
          () => core.readNamespacedService({ name: config.service!, namespace }),
          options,
        )
      : Promise.resolve(undefined),
    config.httpRoute && routeServed
      ? (callKubeApi(
          { verb: "get", resource: "httproutes", namespace, name: config.httpRoute },
          () => custom.getNamespacedCustomObject({ ...HTTP_ROUTE, namespace, name: config.httpRoute! }),
          options,
        ) as Promise<HttpRouteObject>)
      : Promise.resolve(null),
    callKubeApi(
      { verb: "list", resource: "pods", namespace },
      () => core.listNamespacedPod({ namespace, labelSelector: REVISION_LABEL }),
      options,
    ),
  ]);
  const uid = deployment.metadata?.uid;
  return {
    deployment,
    replicaSets: sets.items.filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.controller && o.uid === uid)),
    revisionDeployments: revisions.items,
    service,
    route,
    routeServed,
    readyPods: pods.items.filter(
      (p) => !p.metadata?.deletionTimestamp && p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True"),
    ),
  };
}
