// The Kubernetes provider against the test cluster (real @kubernetes/client-node, pods that are real
// sample-service processes): each strategy's mapping, the revision URL through the API server's service
// proxy, rollout-undo rollback, the replica-ratio and HTTPRoute canaries, and API errors in a person's words.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppsV1Api, CustomObjectsApi } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitUntil } from "@/lib/testing/own-redis";
import type { ProviderTarget, RevisionStatus } from "../types";
import { KubernetesProvider } from "./kubernetes-provider";
import { HTTP_ROUTE } from "./kube-names";
import { seedKubeTarget } from "./testing/kube-target-fixtures";
import { startTestCluster, type TestCluster } from "./testing/start-test-cluster";

let cluster: TestCluster;
const provider = new KubernetesProvider({ call: { baseDelayMs: 20 } });
const release = (version: string) => ({
  version,
  image: `registry.local/sample:${version}`,
  digest: `sha256:${version.replaceAll(".", "")}`,
});

beforeAll(async () => {
  cluster = await startTestCluster({ stateDir: mkdtempSync(path.join(tmpdir(), "k8s-provider-")), podMode: "process" });
});

afterAll(async () => {
  await provider.close();
  await cluster?.stop();
});

async function readyRevision(target: ProviderTarget, name: string): Promise<RevisionStatus> {
  let found: RevisionStatus | undefined;
  await waitUntil(
    async () => {
      found = (await provider.getStatus({ target })).revisions.find((r) => r.name === name);
      if (!found?.ready) throw new Error(`${name}: ${found?.state} ${found?.reason ?? ""}`);
    },
    { timeoutMs: 30_000, what: `revision ${name} ready` },
  );
  return found!;
}

const versionAt = async (url: string) => ((await (await fetch(`${url}/health`)).json()) as { version: string }).version;

describe("KubernetesProvider on the test cluster", () => {
  it("rolls the image, serves the revision through the service proxy, and undoes to an earlier ReplicaSet", async () => {
    const { target, kc, namespace } = await seedKubeTarget({ cluster });
    await provider.startRevision({ target, revision: "web-a", release: release("1.0.0"), strategy: "rolling" });
    const a = await readyRevision(target, "web-a");
    expect(a).toMatchObject({ version: "1.0.0", traffic: 100, platformRevision: "2" });
    expect(await versionAt(a.url!)).toBe("1.0.0");
    // Idempotent by name; another artifact under the same name is a conflict.
    expect((await provider.startRevision({ target, revision: "web-a", release: release("1.0.0"), strategy: "rolling" })).name).toBe(
      "web-a",
    );
    await expect(provider.startRevision({ target, revision: "web-a", release: release("9.9.9") })).rejects.toMatchObject({
      code: "conflict",
    });

    await provider.startRevision({ target, revision: "web-b", release: release("2.0.0"), strategy: "rolling" });
    await readyRevision(target, "web-b");
    const history = await provider.listRevisions({ target });
    expect(history.filter((r) => r.name.startsWith("web-")).map((r) => [r.name, r.platformRevision, r.state])).toEqual([
      ["web-b", "3", "running"],
      ["web-a", "2", "stopped"],
      ["web-rev-1", "1", "stopped"],
    ]);
    expect(history.find((r) => r.name === "web-a")).toMatchObject({ restorable: true, traffic: 0 });

    await provider.rollback({ target, toRevision: "web-a" });
    const back = await readyRevision(target, "web-a");
    // rollout undo re-uses web-a's ReplicaSet and moves it to the next revision number.
    expect(back).toMatchObject({ platformRevision: "4", traffic: 100, version: "1.0.0" });
    const d = await kc.makeApiClient(AppsV1Api).readNamespacedDeployment({ name: "web", namespace });
    expect(d.spec?.template.spec?.containers[0]?.image).toBe("registry.local/sample:1.0.0");
    expect(d.metadata?.annotations?.["kubernetes.io/change-cause"]).toBe("flightdeck: deploy 1.0.0 (registry.local/sample:1.0.0) as web-a");
  });

  it("fails a rolling revision whose pods never get ready at the progress deadline, and stopping it reverts", async () => {
    const { target } = await seedKubeTarget({ cluster, progressDeadlineSeconds: 3 });
    await provider.startRevision({ target, revision: "good", release: release("1.0.0") });
    await readyRevision(target, "good");
    await provider.startRevision({
      target,
      revision: "stuck",
      release: { ...release("1.1.0"), image: "registry.local/sample:never-ready" },
    });
    await waitUntil(
      async () => {
        const stuck = (await provider.getStatus({ target })).revisions.find((r) => r.name === "stuck");
        if (stuck?.state !== "exited") throw new Error(`stuck is ${stuck?.state}`);
        expect(stuck.reason).toMatch(/exceeded its progress deadline: ReplicaSet "web-\w+" has timed out progressing/);
      },
      { timeoutMs: 20_000, what: "the progress deadline" },
    );
    await provider.stopRevision({ target, revision: "stuck" });
    expect(await readyRevision(target, "good")).toMatchObject({ traffic: 100 });
  });

  it("blue-green: a second Deployment with a preview Service, then the Service selector switched", async () => {
    const { target, kc, namespace } = await seedKubeTarget({ cluster, extra: { previousReplicas: 1 } });
    await provider.startRevision({ target, revision: "blue", release: release("1.0.0"), strategy: "blue_green" });
    const blue = await readyRevision(target, "blue");
    await provider.setTraffic({ target, weights: { blue: 100 } });
    await provider.startRevision({ target, revision: "green", release: release("2.0.0"), strategy: "blue_green" });
    const green = await readyRevision(target, "green");
    expect(green.url).toMatch(new RegExp(`/api/v1/namespaces/${namespace}/pods/web-green-\\w+-\\w+:8080/proxy$`));
    expect(await versionAt(green.url!)).toBe("2.0.0");
    const status = await provider.getStatus({ target });
    expect(await versionAt(status.url!)).toBe("1.0.0");
    expect(status.revisions.find((r) => r.name === "green")?.traffic).toBe(0);
    await provider.setTraffic({ target, weights: { green: 100 } });
    expect(await versionAt(status.url!)).toBe("2.0.0");
    await expect(provider.stopRevision({ target, revision: "green" })).rejects.toMatchObject({ code: "conflict" });
    expect((await provider.rollback({ target, toRevision: "blue" })).revisions.find((r) => r.name === "blue")?.traffic).toBe(100);
    expect(await versionAt(blue.url!)).toBe("1.0.0");
    const svc = await kc.makeApiClient(AppsV1Api).readNamespacedDeployment({ name: "web-green", namespace });
    expect(svc.spec?.replicas).toBe(1);
  });

  it("canary by replica ratio when no HTTPRoute is configured, saying so and with what precision", async () => {
    const { target } = await seedKubeTarget({ cluster, extra: { replicas: 2 } });
    await provider.startRevision({ target, revision: "stable", release: release("1.0.0"), strategy: "canary" });
    await readyRevision(target, "stable");
    await provider.setTraffic({ target, weights: { stable: 100 } });
    await provider.startRevision({ target, revision: "canary", release: release("2.0.0"), strategy: "canary" });
    await readyRevision(target, "canary");
    const split = await provider.setTraffic({ target, weights: { canary: 10, stable: 90 } });
    expect(split.routing).toMatchObject({ mode: "replica-ratio", precisionPercent: 50 });
    expect(split.routing?.detail).toContain("no HTTPRoute is configured");
    await waitUntil(
      async () => {
        const versions = await Promise.all([1, 2, 3, 4].map(async () => versionAt((await provider.getStatus({ target })).url!)));
        expect(versions.sort()).toEqual(["1.0.0", "1.0.0", "2.0.0", "2.0.0"]);
      },
      { timeoutMs: 20_000, what: "one pod of each revision behind the Service" },
    );
  });

  it("canary through the HTTPRoute's backendRefs when the cluster serves the Gateway API", async () => {
    const { target, kc, namespace } = await seedKubeTarget({ cluster, httpRoute: true });
    await provider.startRevision({ target, revision: "stable", release: release("1.0.0"), strategy: "canary" });
    await readyRevision(target, "stable");
    await provider.setTraffic({ target, weights: { stable: 100 } });
    await provider.startRevision({ target, revision: "canary", release: release("2.0.0"), strategy: "canary" });
    await readyRevision(target, "canary");
    const split = await provider.setTraffic({ target, weights: { canary: 10, stable: 90 } });
    expect(split.routing).toMatchObject({ mode: "http-route", precisionPercent: 1 });
    expect(split.revisions.filter((r) => r.traffic > 0).map((r) => [r.name, r.traffic])).toEqual([
      ["canary", 10],
      ["stable", 90],
    ]);
    const route = (await kc.makeApiClient(CustomObjectsApi).getNamespacedCustomObject({ ...HTTP_ROUTE, namespace, name: "web" })) as {
      spec: { rules: { backendRefs: unknown[] }[] };
    };
    expect(route.spec.rules[0]!.backendRefs).toEqual([
      { group: "", kind: "Service", name: "web-canary", port: 80, weight: 10 },
      { group: "", kind: "Service", name: "web-stable", port: 80, weight: 90 },
    ]);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => fetch(`${cluster.httpUrl}/gateway/${namespace}/web/health`).then((r) => r.json())),
    );
    expect(answers.filter((a: { version: string }) => a.version === "2.0.0")).toHaveLength(10);
  });

  it("names the verb and resource of an RBAC refusal, and reports it in the connection test", async () => {
    const { target, namespace } = await seedKubeTarget({ cluster });
    await cluster.faults.deny({ verb: "patch", resource: "deployments", namespace });
    try {
      await expect(provider.startRevision({ target, revision: "nope", release: release("1.0.0") })).rejects.toMatchObject({
        message: expect.stringContaining(`RBAC refused patch deployments/web in namespace ${namespace} (403 Forbidden)`),
      });
      const report = await provider.testConnection({ target });
      expect(report.ok).toBe(false);
      expect(report.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual([
        `patch deployments/web in namespace ${namespace}`,
        `patch deployments in namespace ${namespace}`,
      ]);
      expect(report.checks[0]).toMatchObject({ name: "reach the API server", ok: true, detail: expect.stringContaining("v1.32") });
    } finally {
      await cluster.faults.reset();
    }
  });

  it("keeps its connections to the API server: two targets' status reads share a handful of TLS handshakes and one API proxy", async () => {
    const stats = async () =>
      (await (
        await fetch(`${cluster.httpUrl}/_testcluster/stats`, { headers: { authorization: `Bearer ${cluster.adminToken}` } })
      ).json()) as { apiRequests: number; tlsHandshakes: number };
    const [one, two] = [await seedKubeTarget({ cluster }), await seedKubeTarget({ cluster })];
    // A fresh provider: nothing pooled yet.
    const fresh = new KubernetesProvider();
    try {
      const before = await stats();
      for (let i = 0; i < 20; i += 1) await Promise.all([fresh.getStatus({ target: one.target }), fresh.getStatus({ target: two.target })]);
      const after = await stats();
      // 40 status reads of 5 calls each; a connection per call would be a handshake per call.
      expect(after.apiRequests - before.apiRequests).toBeGreaterThanOrEqual(200);
      expect(after.tlsHandshakes - before.tlsHandshakes).toBeLessThanOrEqual(10);
      // One loopback API proxy for both (same cluster and user): their URLs differ only in the namespace.
      const [a, b] = await Promise.all([fresh.getStatus({ target: one.target }), fresh.getStatus({ target: two.target })]);
      expect(new URL(a.url!).origin).toBe(new URL(b.url!).origin);
      expect(a.url).not.toBe(b.url);
    } finally {
      await fresh.close();
    }
  });

  it("loads the kubeconfig from the target's decrypted credentials, and names the field when there are none", async () => {
    const { config } = await seedKubeTarget({ cluster });
    const providerConfig = { ...config, kubeconfig: { source: "credentials" } };
    const target: ProviderTarget = {
      id: `cred-${config.namespace}`,
      providerType: "kubernetes",
      providerConfig,
      credentials: cluster.kubeconfig,
    };
    expect((await provider.testConnection({ target })).ok).toBe(true);
    expect((await provider.getStatus({ target })).revisions.map((r) => r.name)).toEqual(["web-rev-1"]);
    await expect(
      provider.getStatus({ target: { ...target, id: `none-${config.namespace}`, credentials: undefined } }),
    ).rejects.toMatchObject({
      code: "validation",
      message: expect.stringContaining("providerConfig.kubeconfig.source: the target has no stored credentials"),
    });
  });
});
