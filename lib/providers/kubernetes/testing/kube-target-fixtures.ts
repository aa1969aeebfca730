// A Flightdeck Kubernetes target on the test cluster, as an operator would have set it up before pointing
// Flightdeck at it: a namespace, a Deployment of the sample service with a readiness probe, a Service in
// front of it and, optionally, an HTTPRoute; plus the ProviderTarget whose kubeconfig is the cluster's file.
import { randomBytes } from "node:crypto";
import { AppsV1Api, CoreV1Api, CustomObjectsApi, KubeConfig } from "@kubernetes/client-node";
import type { KubernetesConfig } from "../../provider-config";
import type { ProviderTarget } from "../../types";
import { HTTP_ROUTE } from "../kube-names";
import type { TestCluster } from "./start-test-cluster";
import { deploymentManifest, serviceManifest } from "./test-cluster-fixtures";

export type KubeTargetSeed = { namespace: string; config: KubernetesConfig; target: ProviderTarget; kc: KubeConfig };

export async function seedKubeTarget({
  cluster,
  replicas = 1,
  image = "registry.local/sample:0.9.0",
  progressDeadlineSeconds,
  httpRoute = false,
  extra = {},
}: {
  cluster: TestCluster;
  replicas?: number;
  image?: string;
  progressDeadlineSeconds?: number;
  httpRoute?: boolean;
  extra?: Partial<KubernetesConfig>;
}): Promise<KubeTargetSeed> {
  const kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig);
  const namespace = `ns-${randomBytes(3).toString("hex")}`;
  const core = kc.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  const body = deploymentManifest({ name: "web", image, replicas, progressDeadlineSeconds });
  await kc.makeApiClient(AppsV1Api).createNamespacedDeployment({ namespace, body });
  await core.createNamespacedService({ namespace, body: serviceManifest({ name: "web", selector: { app: "web" } }) });
  if (httpRoute) {
    const route = {
      apiVersion: `${HTTP_ROUTE.group}/${HTTP_ROUTE.version}`,
      kind: "HTTPRoute",
      metadata: { name: "web" },
      spec: { parentRefs: [{ name: "flightdeck-gateway" }], rules: [{ backendRefs: [{ name: "web", port: 80, weight: 1 }] }] },
    };
    await kc.makeApiClient(CustomObjectsApi).createNamespacedCustomObject({ ...HTTP_ROUTE, namespace, body: route });
  }
  const config: KubernetesConfig = {
    namespace,
    deployment: "web",
    container: "app",
    service: "web",
    kubeconfig: { source: "file", path: cluster.kubeconfigPath },
    candidateAccess: { mode: "service-proxy" },
    ...(httpRoute ? { httpRoute: "web" } : {}),
    ...extra,
  };
  return { namespace, config, kc, target: { id: `t-${namespace}`, providerType: "kubernetes", providerConfig: config } };
}
