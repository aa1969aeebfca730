// "Test connection" for a Kubernetes target: can the worker reach the API server with these credentials,
// does the Deployment (and Service) exist, and may it do each verb the provider uses — asked with
// SelfSubjectAccessReviews, as `kubectl auth can-i` does, so nothing is changed to find out.
import { VersionApi } from "@kubernetes/client-node";
import type { ConnectionCheck, ConnectionReport } from "../types";
import { callKubeApi, type KubeCallOptions } from "./call-kube-api";
import type { KubeClients } from "./kube-clients";
import { isRouteCrdServed } from "./read-kube-target";

type Permission = { verb: string; group: string; resource: string; name?: string };

function permissionsFor(clients: KubeClients): Permission[] {
  const { deployment, service, httpRoute } = clients.config;
  return [
    { verb: "get", group: "apps", resource: "deployments", name: deployment },
    { verb: "patch", group: "apps", resource: "deployments", name: deployment },
    { verb: "list", group: "apps", resource: "replicasets" },
    { verb: "create", group: "apps", resource: "deployments" },
    { verb: "patch", group: "apps", resource: "deployments" },
    ...(service
      ? [
          { verb: "get", group: "", resource: "services", name: service },
          { verb: "update", group: "", resource: "services", name: service },
          { verb: "create", group: "", resource: "services" },
          { verb: "get", group: "", resource: "services/proxy" },
        ]
      : []),
    ...(httpRoute ? [{ verb: "patch", group: "gateway.networking.k8s.io", resource: "httproutes", name: httpRoute }] : []),
  ];
}

async function check(name: string, run: () => Promise<string>): Promise<ConnectionCheck> {
  try {
    return { name, ok: true, detail: await run() };
  } catch (error) {
    return { name, ok: false, detail: (error as Error).message };
  }
}

async function canI(clients: KubeClients, p: Permission, options: KubeCallOptions): Promise<ConnectionCheck> {
  const { namespace } = clients.config;
  const [resource, subresource] = p.resource.split("/");
  const label = `${p.verb} ${p.resource}${p.name ? `/${p.name}` : ""} in namespace ${namespace}`;
  const review = await check(label, async () => {
    const answer = await callKubeApi(
      { verb: "create", resource: "selfsubjectaccessreviews", namespace },
      () =>
        clients.authorization.createSelfSubjectAccessReview({
          body: { spec: { resourceAttributes: { namespace, verb: p.verb, group: p.group, resource, subresource, name: p.name } } },
        }),
      options,
    );
    if (!answer.status?.allowed) throw new Error(`not allowed${answer.status?.reason ? `: ${answer.status.reason}` : ""}`);
    return "allowed";
  });
  return review;
}

export async function testKubeConnection(clients: KubeClients, options: KubeCallOptions): Promise<ConnectionReport> {
  const { namespace, deployment, service, httpRoute } = clients.config;
  const quick = { ...options, attempts: 1, timeoutMs: 5_000 };
  const server = clients.kc.getCurrentCluster()?.server ?? "?";
  const reach = await check("reach the API server", async () => {
    const version = await callKubeApi(
      { verb: "get", resource: "version", namespace },
      () => clients.kc.makeApiClient(VersionApi).getCode(),
      quick,
    );
    return `${server} answers, Kubernetes ${version.gitVersion}`;
  });
  if (!reach.ok) return { ok: false, checks: [reach] };
  const checks: ConnectionCheck[] = [reach];
  checks.push(
    await check(`get deployments/${deployment} in namespace ${namespace}`, async () => {
      const d = await callKubeApi(
        { verb: "get", resource: "deployments", namespace, name: deployment },
        () => clients.apps.readNamespacedDeployment({ name: deployment, namespace }),
        quick,
      );
      return `exists, ${d.spec?.replicas ?? 1} replicas, containers ${(d.spec?.template.spec?.containers ?? []).map((c) => c.name).join(", ")}`;
    }),
  );
  if (service)
    checks.push(
      await check(`get services/${service} in namespace ${namespace}`, async () => {
        const s = await callKubeApi(
          { verb: "get", resource: "services", namespace, name: service },
          () => clients.core.readNamespacedService({ name: service, namespace }),
          quick,
        );
        return `exists, selector ${JSON.stringify(s.spec?.selector ?? {})}`;
      }),
    );
  if (httpRoute)
    checks.push(
      await check("Gateway API (HTTPRoute) served", async () => {
        if (!(await isRouteCrdServed(clients, quick)))
          throw new Error("gateway.networking.k8s.io/v1 is not served: canaries fall back to a replica ratio");
        return "served: canary weights go through the HTTPRoute";
      }),
    );
  for (const permission of permissionsFor(clients)) checks.push(await canI(clients, permission, quick));
  return { ok: checks.every((c) => c.ok), checks };
}
