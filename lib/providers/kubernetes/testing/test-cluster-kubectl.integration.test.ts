// Fidelity check with the kubectl on this machine: create, rollout status, set image, rollout history and
// rollout undo --to-revision against the test cluster show what a real cluster would (revision numbers,
// the restored template, revision 1 re-used as revision 3), with pods that are real processes.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKubectl, historyRevisions as revisions, KUBECTL } from "./kubectl";
import { startTestCluster, type TestCluster } from "./start-test-cluster";
import { deploymentManifest, serviceManifest } from "./test-cluster-fixtures";

if (!KUBECTL) console.warn("kubectl fidelity test skipped: no kubectl in /usr/bin or /usr/local/bin");

let cluster: TestCluster;
let cacheDir: string;
const kubectl = createKubectl({ kubeconfigPath: () => cluster.kubeconfigPath, cacheDir: () => cacheDir });

beforeAll(async () => {
  if (!KUBECTL) return;
  const dir = mkdtempSync(path.join(tmpdir(), "k8s-test-cluster-"));
  cacheDir = path.join(dir, "kubectl-cache");
  cluster = await startTestCluster({ stateDir: path.join(dir, "state"), podMode: "process" });
});

afterAll(async () => {
  await cluster?.stop();
});

describe.skipIf(!KUBECTL)("kubectl against the test cluster", () => {
  it("rolls out, sets the image, lists history and undoes to revision 1 as a real cluster would", async () => {
    // A stream of two JSON documents; a `kind: List` would need /openapi/v2, which is not served.
    const manifest = [
      deploymentManifest({ name: "web", image: "sample:1.0.0", replicas: 1 }),
      serviceManifest({ name: "web", selector: { app: "web" } }),
    ];
    expect(await kubectl(["create", "-f", "-"], manifest.map((m) => JSON.stringify(m)).join("\n"))).toBe(
      "deployment.apps/web created\nservice/web created\n",
    );
    expect(await kubectl(["rollout", "status", "deployment/web", "--timeout=90s"])).toContain('deployment "web" successfully rolled out');

    expect(await kubectl(["set", "image", "deployment/web", "app=sample:2.0.0"])).toBe("deployment.apps/web image updated\n");
    expect(await kubectl(["rollout", "status", "deployment/web", "--timeout=90s"])).toContain('deployment "web" successfully rolled out');
    expect(JSON.parse(await kubectl(["get", "--raw", "/api/v1/namespaces/default/services/web:http/proxy/health"]))).toMatchObject({
      version: "2.0.0",
    });
    expect(revisions(await kubectl(["rollout", "history", "deployment/web"]))).toEqual(["1", "2"]);
    expect(await kubectl(["rollout", "history", "deployment/web", "--revision=1"])).toMatch(/Image:\s+sample:1\.0\.0/);

    expect(await kubectl(["rollout", "undo", "deployment/web", "--to-revision=1"])).toBe("deployment.apps/web rolled back\n");
    expect(await kubectl(["rollout", "status", "deployment/web", "--timeout=90s"])).toContain('deployment "web" successfully rolled out');
    // Revision 1's ReplicaSet is re-used and becomes revision 3, so history lists 2 and 3.
    expect(revisions(await kubectl(["rollout", "history", "deployment/web"]))).toEqual(["2", "3"]);

    const deployment = JSON.parse(await kubectl(["get", "deployment", "web", "-o", "json"]));
    expect(deployment.spec.template.spec.containers[0].image).toBe("sample:1.0.0");
    expect(deployment.metadata.annotations["deployment.kubernetes.io/revision"]).toBe("3");
    expect(deployment.metadata.generation).toBe(3);
    expect(deployment.status).toMatchObject({
      observedGeneration: 3,
      replicas: 1,
      updatedReplicas: 1,
      readyReplicas: 1,
      availableReplicas: 1,
    });
    const sets = JSON.parse(await kubectl(["get", "replicasets", "-l", "app=web", "-o", "json"])).items;
    const restored = sets.find(
      (rs: { spec: { template: { spec: { containers: { image: string }[] } } } }) =>
        rs.spec.template.spec.containers[0]!.image === "sample:1.0.0",
    );
    expect(restored.metadata.annotations).toMatchObject({
      "deployment.kubernetes.io/revision": "3",
      "deployment.kubernetes.io/revision-history": "1",
    });
    expect(restored.spec.replicas).toBe(1);
    expect(JSON.parse(await kubectl(["get", "--raw", "/api/v1/namespaces/default/services/web:http/proxy/health"]))).toMatchObject({
      version: "1.0.0",
    });
    expect(await kubectl(["get", "deployment", "web"])).toMatch(
      /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+1\/1\s+1\s+1\s+\d+s\n$/,
    );
  });
});
