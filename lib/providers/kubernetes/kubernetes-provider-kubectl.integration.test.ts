// What a Flightdeck deploy and a Flightdeck rollback leave on the cluster, read with the machine's kubectl:
// `rollout history` lists the revisions with Flightdeck's change cause, `get deployment -o json` shows the
// restored template and converged status, and a `kubectl rollout undo` done by hand is what Flightdeck then reads.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitUntil } from "@/lib/testing/own-redis";
import type { ProviderTarget } from "../types";
import { KubernetesProvider } from "./kubernetes-provider";
import { createKubectl, historyRevisions, KUBECTL } from "./testing/kubectl";
import { seedKubeTarget } from "./testing/kube-target-fixtures";
import { startTestCluster, type TestCluster } from "./testing/start-test-cluster";

if (!KUBECTL) console.warn("Flightdeck kubectl test skipped: no kubectl in /usr/bin or /usr/local/bin");

let cluster: TestCluster;
let dir: string;
const kubectl = createKubectl({ kubeconfigPath: () => cluster.kubeconfigPath, cacheDir: () => path.join(dir, "kubectl-cache") });
const provider = new KubernetesProvider();
const release = (version: string) => ({ version, image: `sample:${version}`, digest: `sha256:${version.replaceAll(".", "")}` });

beforeAll(async () => {
  if (!KUBECTL) return;
  dir = mkdtempSync(path.join(tmpdir(), "k8s-provider-kubectl-"));
  cluster = await startTestCluster({ stateDir: path.join(dir, "state"), podMode: "process" });
});

afterAll(async () => {
  await provider.close();
  await cluster?.stop();
});

async function waitReady(target: ProviderTarget, name: string, platformRevision: string) {
  await waitUntil(
    async () => {
      const found = (await provider.getStatus({ target })).revisions.find((r) => r.name === name);
      if (!found?.ready || found.platformRevision !== platformRevision)
        throw new Error(`${name}: ${found?.state} rev ${found?.platformRevision}`);
    },
    { timeoutMs: 30_000, what: `${name} ready as revision ${platformRevision}` },
  );
}

describe.skipIf(!KUBECTL)("kubectl after Flightdeck", () => {
  it("shows Flightdeck's deploys and rollback as a real cluster would, and Flightdeck reads kubectl's undo", async () => {
    const { target, namespace } = await seedKubeTarget({ cluster, image: "sample:0.9.0" });
    const k = (args: string[]) => kubectl(["-n", namespace, ...args]);
    await provider.startRevision({ target, revision: "web-a", release: release("1.0.0") });
    await waitReady(target, "web-a", "2");
    await provider.startRevision({ target, revision: "web-b", release: release("2.0.0") });
    expect(await k(["rollout", "status", "deployment/web", "--timeout=60s"])).toContain('deployment "web" successfully rolled out');
    const history = await k(["rollout", "history", "deployment/web"]);
    expect(historyRevisions(history)).toEqual(["1", "2", "3"]);
    expect(history).toMatch(/\n3\s+flightdeck: deploy 2\.0\.0 \(sample:2\.0\.0\) as web-b\n/);

    await provider.rollback({ target, toRevision: "web-a" });
    expect(await k(["rollout", "status", "deployment/web", "--timeout=60s"])).toContain('deployment "web" successfully rolled out');
    // web-a's ReplicaSet is re-used as revision 4, so history lists 1, 3 and 4.
    expect(historyRevisions(await k(["rollout", "history", "deployment/web"]))).toEqual(["1", "3", "4"]);
    expect(await k(["rollout", "history", "deployment/web", "--revision=4"])).toMatch(/Image:\s+sample:1\.0\.0/);
    const deployment = JSON.parse(await k(["get", "deployment", "web", "-o", "json"]));
    expect(deployment.spec.template.spec.containers[0].image).toBe("sample:1.0.0");
    expect(deployment.spec.template.metadata.labels).toEqual({ app: "web", "flightdeck/revision": "web-a" });
    expect(deployment.metadata.annotations).toMatchObject({
      "deployment.kubernetes.io/revision": "4",
      "flightdeck/revision": "web-a",
      "kubernetes.io/change-cause": "flightdeck: deploy 1.0.0 (sample:1.0.0) as web-a",
    });
    expect(deployment.status).toMatchObject({
      observedGeneration: deployment.metadata.generation,
      replicas: 1,
      updatedReplicas: 1,
      readyReplicas: 1,
      availableReplicas: 1,
    });
    expect(JSON.parse(await k(["get", "--raw", `/api/v1/namespaces/${namespace}/services/web:http/proxy/health`]))).toMatchObject({
      version: "1.0.0",
    });

    expect(await k(["rollout", "undo", "deployment/web", "--to-revision=3"])).toBe("deployment.apps/web rolled back\n");
    await waitReady(target, "web-b", "5");
    const status = await provider.getStatus({ target });
    expect(status.revisions.map((r) => [r.name, r.platformRevision, r.traffic])).toEqual([
      ["web-b", "5", 100],
      ["web-a", "4", 0],
      ["web-rev-1", "1", 0],
    ]);
  });
});
