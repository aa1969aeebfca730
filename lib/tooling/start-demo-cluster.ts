// The demo's Kubernetes target: the repository's test cluster as a child process (pods are real sample-service
// processes), its kubeconfig copied to .tmp/demo-kubeconfig, a Deployment and a Service for one seeded
// service in namespace `demo`, and a `kubernetes` target of that service in a demo-only environment, so
// the demo shows a Kubernetes target beside the local ones. bootstrapDemoTargets then deploys it.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { AppsV1Api, CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { db } from "@/lib/db";
import type { KubernetesConfig } from "@/lib/providers/provider-config";
import { spawnTestCluster, type SpawnedTestCluster } from "@/lib/providers/kubernetes/testing/spawn-test-cluster";
import { deploymentManifest, serviceManifest } from "@/lib/providers/kubernetes/testing/test-cluster-fixtures";
import { upsertDemoEnvironment } from "./demo-environments";
import { root } from "./run-step";

export const DEMO_KUBECONFIG = path.join(root, ".tmp/demo-kubeconfig");
const NAMESPACE = "demo";
const SERVICE = "session-buddy";

export type DemoCluster = { cluster: SpawnedTestCluster; targetId: string | null };

async function seedCluster(kubeconfig: string, image: string): Promise<void> {
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfig);
  const body = deploymentManifest({ name: SERVICE, image, replicas: 1, progressDeadlineSeconds: 60 });
  await kc.makeApiClient(AppsV1Api).createNamespacedDeployment({ namespace: NAMESPACE, body });
  await kc
    .makeApiClient(CoreV1Api)
    .createNamespacedService({ namespace: NAMESPACE, body: serviceManifest({ name: SERVICE, selector: { app: SERVICE } }) });
}

/** The demo environment and the service's Kubernetes target in it, running what the service runs in staging. */
async function upsertTarget(): Promise<{ targetId: string; image: string } | null> {
  const service = await db.service.findUnique({ where: { slug: SERVICE } });
  const staging =
    service &&
    (await db.target.findFirst({ where: { serviceId: service.id, environment: { slug: "staging" } }, include: { currentRelease: true } }));
  if (!service || !staging?.currentRelease) return null;
  const environment = await upsertDemoEnvironment("kubernetes");
  const providerConfig: KubernetesConfig = {
    namespace: NAMESPACE,
    deployment: SERVICE,
    container: "app",
    service: SERVICE,
    kubeconfig: { source: "file", path: DEMO_KUBECONFIG },
    candidateAccess: { mode: "service-proxy" },
  };
  // The cluster starts empty each time: whatever the target ran before is gone with it.
  const fields = {
    providerType: "kubernetes" as const,
    providerConfig,
    currentReleaseId: staging.currentRelease.id,
    currentRevision: null,
  };
  const target = await db.target.upsert({
    where: { serviceId_environmentId: { serviceId: service.id, environmentId: environment.id } },
    update: fields,
    create: { ...fields, serviceId: service.id, environmentId: environment.id, defaultStrategy: "rolling", canarySteps: [50, 100] },
  });
  return { targetId: target.id, image: staging.currentRelease.image };
}

export async function startDemoCluster(): Promise<DemoCluster> {
  const stateDir = path.join(root, ".tmp/demo-k8s");
  mkdirSync(stateDir, { recursive: true });
  const cluster = await spawnTestCluster({ stateDir, podMode: "process", namespaces: [NAMESPACE] });
  copyFileSync(cluster.kubeconfigPath, DEMO_KUBECONFIG);
  const target = await upsertTarget();
  if (target) await seedCluster(cluster.kubeconfig, target.image);
  return { cluster, targetId: target?.targetId ?? null };
}
