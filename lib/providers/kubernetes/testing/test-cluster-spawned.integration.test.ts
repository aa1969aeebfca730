// The test cluster as a child process with simulated pods (the bench's set-up): a rollout converges without
// processes, the simulated pods answer through the service proxy, and faults travel through the admin API.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppsV1Api, CoreV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isProcessAlive } from "../../local/supervisor-state";
import { spawnTestCluster, type SpawnedTestCluster } from "./spawn-test-cluster";
import { condition, deploymentManifest, serviceManifest, statusOf, waitForDeployment } from "./test-cluster-fixtures";

const namespace = "bench";
let cluster: SpawnedTestCluster;
let apps: AppsV1Api;
let core: CoreV1Api;
let kc: KubeConfig;

beforeAll(async () => {
  cluster = await spawnTestCluster({
    stateDir: mkdtempSync(path.join(tmpdir(), "k8s-test-cluster-")),
    podMode: "simulated",
    namespaces: [namespace],
    simulatedReadyDelayMs: 50,
  });
  kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig);
  apps = kc.makeApiClient(AppsV1Api);
  core = kc.makeApiClient(CoreV1Api);
});

afterAll(async () => {
  await cluster?.stop();
});

describe("test cluster in a child process with simulated pods", () => {
  it("converges a 10-replica rolling update without processes, answering through the service proxy", async () => {
    await apps.createNamespacedDeployment({ namespace, body: deploymentManifest({ name: "api", image: "sample:1.0.0", replicas: 10 }) });
    await core.createNamespacedService({ namespace, body: serviceManifest({ name: "api", selector: { app: "api" } }) });
    await waitForDeployment({ kc, namespace, name: "api", check: (d) => condition(d, "Progressing")?.reason === "NewReplicaSetAvailable" });
    const patch = [{ op: "replace", path: "/spec/template/spec/containers/0/image", value: "sample:1.1.0" }];
    await apps.patchNamespacedDeployment(
      { name: "api", namespace, body: patch },
      setHeaderOptions("Content-Type", PatchStrategy.JsonPatch),
    );
    const done = await waitForDeployment({
      kc,
      namespace,
      name: "api",
      check: (d) =>
        d.status?.observedGeneration === 2 &&
        d.status?.updatedReplicas === 10 &&
        d.status?.availableReplicas === 10 &&
        d.status?.replicas === 10,
    });
    expect(condition(done, "Progressing")?.reason).toBe("NewReplicaSetAvailable");
    const health = (await core.connectGetNamespacedServiceProxyWithPath({ name: "api", namespace, path: "health" })) as unknown as {
      version: string;
    };
    expect(health).toMatchObject({ status: "healthy", version: "1.1.0" });
  });

  it("applies faults sent through the admin API: 429 with Retry-After for the next request, then 403", async () => {
    await cluster.faults.failNext({ status: 429, count: 1, verb: "get", resource: "deployments" });
    expect(statusOf(await apps.readNamespacedDeployment({ name: "api", namespace }).catch((e: unknown) => e))).toMatchObject({
      code: 429,
      reason: "TooManyRequests",
      details: { retryAfterSeconds: 1 },
    });
    expect((await apps.readNamespacedDeployment({ name: "api", namespace })).metadata?.name).toBe("api");
    await cluster.faults.deny({ verb: "list", resource: "replicasets" });
    expect(statusOf(await apps.listNamespacedReplicaSet({ namespace }).catch((e: unknown) => e)).message).toBe(
      `replicasets.apps is forbidden: User "${cluster.user}" cannot list resource "replicasets" in API group "apps" in the namespace "bench"`,
    );
    await cluster.faults.reset();
    expect((await apps.listNamespacedReplicaSet({ namespace })).items).toHaveLength(2);
  });

  it("exits on stop", async () => {
    await cluster.stop();
    expect(isProcessAlive(cluster.pid)).toBe(false);
  });
});
