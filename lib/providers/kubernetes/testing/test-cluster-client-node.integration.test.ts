// The real @kubernetes/client-node against the test cluster, with pods that are real sample-service
// processes: create, strategic-merge image patch, watched convergence, ReplicaSet revisions, errors as a
// cluster reports them (404, 409 stale resourceVersion, 403 on demand), and a progress deadline exceeded.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppsV1Api, CoreV1Api, KubeConfig, PatchStrategy, type V1Deployment, setHeaderOptions } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupExists } from "../../local/testing/local-fixtures";
import { startTestCluster, type TestCluster } from "./start-test-cluster";
import { condition, deploymentManifest, serviceManifest, statusOf, waitForDeployment } from "./test-cluster-fixtures";

const namespace = "default";
let cluster: TestCluster;
let kc: KubeConfig;
let apps: AppsV1Api;
let core: CoreV1Api;

// Typed as a string, but client-node hands back a JSON answer already parsed.
const asJson = (answer: unknown): unknown => (typeof answer === "string" ? JSON.parse(answer) : answer);

const rolledOut = (d: V1Deployment) =>
  (d.status?.observedGeneration ?? 0) >= (d.metadata?.generation ?? 1) &&
  d.status?.updatedReplicas === d.spec?.replicas &&
  d.status?.availableReplicas === d.spec?.replicas &&
  d.status?.replicas === d.spec?.replicas &&
  condition(d, "Progressing")?.reason === "NewReplicaSetAvailable";

beforeAll(async () => {
  cluster = await startTestCluster({ stateDir: mkdtempSync(path.join(tmpdir(), "k8s-test-cluster-")), podMode: "process" });
  kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig);
  apps = kc.makeApiClient(AppsV1Api);
  core = kc.makeApiClient(CoreV1Api);
});

afterAll(async () => {
  await cluster?.stop();
});

describe("test cluster driven by @kubernetes/client-node", () => {
  it("rolls a Deployment from one image to the next, reachable through the service proxy at each", async () => {
    await apps.createNamespacedDeployment({ namespace, body: deploymentManifest({ name: "web", image: "registry.local/sample:1.0.0" }) });
    await core.createNamespacedService({ namespace, body: serviceManifest({ name: "web", selector: { app: "web" } }) });
    const first = await waitForDeployment({ kc, namespace, name: "web", check: rolledOut });
    expect(first.metadata?.annotations?.["deployment.kubernetes.io/revision"]).toBe("1");
    expect(asJson(await core.connectGetNamespacedServiceProxyWithPath({ name: "web:http", namespace, path: "health" }))).toMatchObject({
      version: "1.0.0",
    });

    const patch = { spec: { template: { spec: { containers: [{ name: "app", image: "registry.local/sample:2.0.0" }] } } } };
    const patched = await apps.patchNamespacedDeployment(
      { name: "web", namespace, body: patch },
      setHeaderOptions("Content-Type", PatchStrategy.StrategicMergePatch),
    );
    expect(patched.metadata?.generation).toBe(2);
    // Strategic merge kept what the patch did not name: the container's ports, env and probe.
    expect(patched.spec?.template.spec?.containers[0]).toMatchObject({
      image: "registry.local/sample:2.0.0",
      env: [{ name: "SERVICE_NAME", value: "web" }],
      ports: [{ containerPort: 8080 }],
    });
    const second = await waitForDeployment({
      kc,
      namespace,
      name: "web",
      check: (d) => rolledOut(d) && d.status?.observedGeneration === 2,
    });
    expect(second.metadata?.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    expect(condition(second, "Available")).toMatchObject({ status: "True", reason: "MinimumReplicasAvailable" });

    const sets = await apps.listNamespacedReplicaSet({ namespace, labelSelector: "app=web" });
    const revisions = sets.items.map((rs) => [
      rs.metadata?.annotations?.["deployment.kubernetes.io/revision"],
      rs.spec?.replicas,
      rs.spec?.template?.spec?.containers[0]?.image,
    ]);
    expect(revisions.sort()).toEqual([
      ["1", 0, "registry.local/sample:1.0.0"],
      ["2", 2, "registry.local/sample:2.0.0"],
    ]);
    expect(
      sets.items.every(
        (rs) => rs.metadata?.ownerReferences?.[0]?.uid === second.metadata?.uid && rs.metadata?.labels?.["pod-template-hash"],
      ),
    ).toBe(true);
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => core.connectGetNamespacedServiceProxyWithPath({ name: "web", namespace, path: "health" })),
    );
    expect(answers.map((a) => (asJson(a) as { version: string }).version)).toEqual(["2.0.0", "2.0.0", "2.0.0", "2.0.0"]);
  });

  it("answers 404 as an ApiException with the NotFound Status", async () => {
    const error = await apps.readNamespacedDeployment({ name: "nothing-here", namespace }).catch((e: unknown) => e);
    expect(statusOf(error)).toMatchObject({ code: 404, reason: "NotFound", message: 'deployments.apps "nothing-here" not found' });
  });

  it("refuses a replace with a stale resourceVersion with 409 Conflict", async () => {
    const current = await apps.readNamespacedDeployment({ name: "web", namespace });
    await apps.patchNamespacedDeployment(
      { name: "web", namespace, body: { metadata: { labels: { touched: "yes" } } } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    );
    const error = await apps.replaceNamespacedDeployment({ name: "web", namespace, body: current }).catch((e: unknown) => e);
    expect(statusOf(error)).toMatchObject({ code: 409, reason: "Conflict" });
    expect(statusOf(error).message).toContain('Operation cannot be fulfilled on deployments.apps "web": the object has been modified');
  });

  it("refuses a verb on a resource with 403 Forbidden naming both, on demand", async () => {
    await cluster.faults.deny({ verb: "patch", resource: "deployments", namespace });
    const error = await apps
      .patchNamespacedDeployment(
        { name: "web", namespace, body: { spec: { replicas: 3 } } },
        setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
      )
      .catch((e: unknown) => e);
    await cluster.faults.reset();
    expect(statusOf(error)).toMatchObject({
      code: 403,
      reason: "Forbidden",
      message: `deployments.apps "web" is forbidden: User "${cluster.user}" cannot patch resource "deployments" in API group "apps" in the namespace "default"`,
    });
    expect((await apps.readNamespacedDeployment({ name: "web", namespace })).spec?.replicas).toBe(2);
  });

  it("fails a rollout whose pods never become ready with ProgressDeadlineExceeded", async () => {
    await apps.createNamespacedDeployment({
      namespace,
      body: deploymentManifest({ name: "stuck", image: "sample:never-ready", replicas: 1, progressDeadlineSeconds: 3 }),
    });
    const failed = await waitForDeployment({
      kc,
      namespace,
      name: "stuck",
      check: (d) => condition(d, "Progressing")?.status === "False",
      timeoutMs: 30_000,
    });
    expect(condition(failed, "Progressing")).toMatchObject({
      reason: "ProgressDeadlineExceeded",
      message: expect.stringMatching(/^ReplicaSet "stuck-\w+" has timed out progressing\.$/),
    });
    expect(condition(failed, "Available")).toMatchObject({ status: "False", reason: "MinimumReplicasUnavailable" });
    const pods = await core.listNamespacedPod({ namespace, labelSelector: "app=stuck" });
    expect(pods.items.map((p) => [p.status?.phase, p.status?.containerStatuses?.[0]?.ready])).toEqual([["Running", false]]);
  });

  it("leaves no pod process behind once stopped", async () => {
    const pods = await core.listNamespacedPod({ namespace });
    expect(pods.items.length).toBeGreaterThanOrEqual(3);
    const state = JSON.parse(
      await import("node:fs/promises").then((fs) => fs.readFile(path.join(path.dirname(cluster.kubeconfigPath), "pods.json"), "utf8")),
    ) as { pid: number }[];
    expect(state.length).toBe(pods.items.length);
    expect(state.every(({ pid }) => groupExists(pid))).toBe(true);
    await cluster.stop();
    expect(state.filter(({ pid }) => groupExists(pid))).toEqual([]);
  });
});
