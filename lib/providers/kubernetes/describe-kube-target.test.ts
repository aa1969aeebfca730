import type { V1Deployment } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import type { KubernetesConfig } from "../provider-config";
import { describeKubeTarget } from "./describe-kube-target";
import { type KubeSnapshot, withWrites } from "./read-kube-target";
import { revisionDeploymentManifest } from "./revision-manifests";

const config: KubernetesConfig = {
  namespace: "shop",
  deployment: "api",
  container: "app",
  service: "api",
  kubeconfig: { source: "in-cluster" },
  candidateAccess: { mode: "service-proxy" },
  replicas: 4,
};

const done = { observedGeneration: 1, replicas: 4, updatedReplicas: 4, readyReplicas: 4, availableReplicas: 4 };

function revisionDeployment(name: string, created: string, status = done): V1Deployment {
  return {
    metadata: {
      name: `api-${name}`,
      generation: 1,
      creationTimestamp: new Date(created),
      labels: { "flightdeck/target": "api", "flightdeck/revision": name },
    },
    spec: {
      replicas: status.replicas,
      selector: {},
      template: {
        metadata: { annotations: { "flightdeck/version": name } },
        spec: { containers: [{ name: "app", image: `shop/api:${name}` }] },
      },
    },
    status,
  };
}

function snapshot(extra: Partial<KubeSnapshot>): KubeSnapshot {
  return {
    deployment: {
      metadata: { name: "api", generation: 1 },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: "api" } },
        template: { metadata: { labels: { app: "api", tier: "web" } }, spec: { containers: [{ name: "app", image: "shop/api:1" }] } },
      },
      status: done,
    },
    replicaSets: [],
    revisionDeployments: [
      revisionDeployment("v1", "2026-01-01T00:00:00Z"),
      revisionDeployment("v2", "2026-01-02T00:00:00Z", {
        ...done,
        replicas: 1,
        readyReplicas: 1,
        availableReplicas: 1,
        updatedReplicas: 1,
      }),
    ],
    service: { spec: { selector: { "flightdeck/target": "api" }, ports: [{ name: "http", port: 80 }] } },
    route: null,
    routeServed: false,
    readyPods: [],
    ...extra,
  };
}

describe("describeKubeTarget", () => {
  it("reads a replica-ratio split from ready pods and says what precision it has", () => {
    const status = describeKubeTarget({ snapshot: snapshot({}), config, proxyUrl: "http://127.0.0.1:1" });
    expect(status.revisions.map((r) => [r.name, r.traffic, r.state])).toEqual([
      ["v2", 20, "running"],
      ["v1", 80, "running"],
    ]);
    expect(status.routing).toEqual({
      mode: "replica-ratio",
      precisionPercent: 25,
      detail: "no HTTPRoute is configured, so canary weights are a ratio of 4 pods: steps of 25 %",
    });
    expect(status.url).toBe("http://127.0.0.1:1/api/v1/namespaces/shop/services/api:http/proxy");
  });

  it("reads the HTTPRoute's weights when one routes, and the selector's revision otherwise", () => {
    const route = {
      metadata: { name: "api" },
      spec: {
        rules: [
          {
            backendRefs: [
              { name: "api-v2", weight: 10 },
              { name: "api-v1", weight: 90 },
            ],
          },
        ],
      },
    };
    const routed = describeKubeTarget({
      snapshot: snapshot({ route, routeServed: true }),
      config: { ...config, httpRoute: "api" },
      proxyUrl: "",
    });
    expect(routed.revisions.map((r) => r.traffic)).toEqual([10, 90]);
    expect(routed.routing?.mode).toBe("http-route");
    const switched = snapshot({ service: { spec: { selector: { "flightdeck/target": "api", "flightdeck/revision": "v1" } } } });
    expect(describeKubeTarget({ snapshot: switched, config, proxyUrl: "" }).revisions.map((r) => r.traffic)).toEqual([0, 100]);
  });

  it("reports a revision past its progress deadline as exited with kubectl's reason, and a scaled-down one as restorable", () => {
    const failed = revisionDeployment("v3", "2026-01-03T00:00:00Z", { ...done, availableReplicas: 0 });
    failed.status!.conditions = [
      {
        type: "Progressing",
        status: "False",
        reason: "ProgressDeadlineExceeded",
        message: 'ReplicaSet "api-v3-1" has timed out progressing.',
      },
    ];
    const down = revisionDeployment("v0", "2025-12-01T00:00:00Z");
    down.spec!.replicas = 0;
    const status = describeKubeTarget({ snapshot: snapshot({ revisionDeployments: [failed, down] }), config, proxyUrl: "" });
    expect(status.revisions[0]).toMatchObject({
      name: "v3",
      state: "exited",
      healthy: false,
      reason: expect.stringContaining("exceeded its progress deadline"),
    });
    expect(status.revisions[1]).toMatchObject({ name: "v0", state: "stopped", restorable: true });
  });
});

describe("revisionDeploymentManifest", () => {
  it("copies the pod template without the labels the Service selects on, so the old selector never picks the candidate", () => {
    const s = snapshot({ service: { spec: { selector: { app: "api" } } } });
    const manifest = revisionDeploymentManifest(s, {
      config,
      revision: "v9",
      release: { version: "9", image: "shop/api:9", digest: "sha256:9" },
      env: { MODE: "x" },
      replicas: 1,
      strategy: "canary",
    });
    expect(manifest.spec?.template.metadata?.labels).toEqual({ tier: "web", "flightdeck/target": "api", "flightdeck/revision": "v9" });
    expect(manifest.spec?.selector.matchLabels).toEqual({ "flightdeck/target": "api", "flightdeck/revision": "v9" });
    expect(manifest.spec?.template.spec?.containers[0]).toEqual({ name: "app", image: "shop/api:9", env: [{ name: "MODE", value: "x" }] });
  });

  it("describes the target after the provider's writes from what the cluster answered to them", () => {
    const before = snapshot({});
    const scaledDown = {
      ...revisionDeployment("v1", "2026-01-01T00:00:00Z"),
      spec: { ...before.revisionDeployments[0]!.spec!, replicas: 0 },
    };
    const created = revisionDeployment("v3", "2026-01-03T00:00:00Z", { ...done, readyReplicas: 0, availableReplicas: 0 });
    const service = { spec: { selector: { "flightdeck/target": "api", "flightdeck/revision": "v2" }, ports: before.service!.spec!.ports } };
    const after = withWrites(before, { deployments: [scaledDown, created], service });
    const status = describeKubeTarget({ snapshot: after, config, proxyUrl: "http://127.0.0.1:1" });
    expect(status.revisions.map((r) => [r.name, r.traffic, r.state])).toEqual([
      ["v3", 0, "starting"],
      ["v2", 100, "running"],
      ["v1", 0, "stopped"],
    ]);
    // The snapshot it came from is unchanged: the next read starts from the cluster again.
    expect(before.revisionDeployments.map((d) => d.metadata?.name)).toEqual(["api-v1", "api-v2"]);
  });
});
