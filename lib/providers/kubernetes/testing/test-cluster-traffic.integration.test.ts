// Traffic through the test cluster's Gateway: an HTTPRoute's backendRef weights split real requests between
// two Deployments' sample-service processes; the CRD behaves as a CRD (no strategic merge patch; removing it
// removes the group from discovery and its routes).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ApisApi, AppsV1Api, CoreV1Api, CustomObjectsApi, KubeConfig, PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendRequests } from "../../local/testing/send-requests";
import { startTestCluster, type TestCluster } from "./start-test-cluster";
import { condition, deploymentManifest, serviceManifest, statusOf, waitForDeployment } from "./test-cluster-fixtures";

const namespace = "default";
const route = { group: "gateway.networking.k8s.io", version: "v1", namespace, plural: "httproutes" };
let cluster: TestCluster;
let kc: KubeConfig;
let custom: CustomObjectsApi;

function httpRoute(weights: { stable: number; canary: number }) {
  return {
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    metadata: { name: "web" },
    spec: {
      parentRefs: [{ name: "flightdeck-gateway" }],
      rules: [
        {
          backendRefs: [
            { name: "web-stable", port: 80, weight: weights.stable },
            { name: "web-canary", port: 80, weight: weights.canary },
          ],
        },
      ],
    },
  };
}

beforeAll(async () => {
  cluster = await startTestCluster({ stateDir: mkdtempSync(path.join(tmpdir(), "k8s-test-cluster-")), podMode: "process" });
  kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig);
  custom = kc.makeApiClient(CustomObjectsApi);
  const apps = kc.makeApiClient(AppsV1Api);
  const core = kc.makeApiClient(CoreV1Api);
  for (const [track, version] of [
    ["stable", "1.0.0"],
    ["canary", "2.0.0"],
  ] as const) {
    const labels = { app: "web", track };
    await apps.createNamespacedDeployment({
      namespace,
      body: deploymentManifest({ name: `web-${track}`, image: `sample:${version}`, replicas: 1, labels }),
    });
    await core.createNamespacedService({ namespace, body: serviceManifest({ name: `web-${track}`, selector: labels }) });
  }
  for (const track of ["stable", "canary"]) {
    await waitForDeployment({
      kc,
      namespace,
      name: `web-${track}`,
      check: (d) => condition(d, "Progressing")?.reason === "NewReplicaSetAvailable",
    });
  }
});

afterAll(async () => {
  await cluster?.stop();
});

describe("HTTPRoute traffic through the test cluster's gateway", () => {
  it("splits 1,000 real requests by backendRef weight, and follows a weight change", async () => {
    await custom.createNamespacedCustomObject({ ...route, body: httpRoute({ stable: 90, canary: 10 }) });
    const url = `${cluster.httpUrl}/gateway/${namespace}/web/work`;
    const first = await sendRequests({ url, count: 1000 });
    expect(first.failures).toBe(0);
    expect(Math.abs((first.byRevision["2.0.0"] ?? 0) / 10 - 10)).toBeLessThanOrEqual(5);

    await custom.patchNamespacedCustomObject(
      {
        ...route,
        name: "web",
        body: {
          spec: {
            rules: [
              {
                backendRefs: [
                  { name: "web-stable", port: 80, weight: 50 },
                  { name: "web-canary", port: 80, weight: 50 },
                ],
              },
            ],
          },
        },
      },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    );
    const second = await sendRequests({ url, count: 1000 });
    expect(second.failures).toBe(0);
    expect(Math.abs((second.byRevision["2.0.0"] ?? 0) / 10 - 50)).toBeLessThanOrEqual(5);
  });

  it("refuses a strategic merge patch of an HTTPRoute with 415, as for any custom resource", async () => {
    const error = await custom
      .patchNamespacedCustomObject(
        { ...route, name: "web", body: { metadata: { labels: { a: "b" } } } },
        setHeaderOptions("Content-Type", PatchStrategy.StrategicMergePatch),
      )
      .catch((e: unknown) => e);
    expect(statusOf(error)).toMatchObject({ code: 415, reason: "UnsupportedMediaType" });
  });

  it("drops the group from discovery and the routes with it when the CRD is removed", async () => {
    const apis = kc.makeApiClient(ApisApi);
    const groupsBefore = (await apis.getAPIVersions()).groups.map((g) => g.name);
    expect(groupsBefore).toContain("gateway.networking.k8s.io");
    await cluster.faults.setHttpRouteCrd(false);
    expect((await apis.getAPIVersions()).groups.map((g) => g.name)).not.toContain("gateway.networking.k8s.io");
    const error = await custom.getNamespacedCustomObject({ ...route, name: "web" }).catch((e: unknown) => e);
    expect((error as { code: number }).code).toBe(404);
    expect((await fetch(`${cluster.httpUrl}/gateway/${namespace}/web/work`)).status).toBe(404);
    await cluster.faults.setHttpRouteCrd(true);
    const again = await custom.getNamespacedCustomObject({ ...route, name: "web" }).catch((e: unknown) => e);
    expect(statusOf(again)).toMatchObject({
      code: 404,
      reason: "NotFound",
      message: 'httproutes.gateway.networking.k8s.io "web" not found',
    });
  });
});
