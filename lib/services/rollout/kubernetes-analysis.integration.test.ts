// Analysis of a Kubernetes canary through real Prometheus: a private Prometheus scrapes each ready pod's own
// /metrics through the API server's pod proxy (kube-analysis-stack), the target's metrics source is that
// Prometheus, and a real worker runs the rollout against the test cluster. A release that fails 20 % of its
// requests from 5 s after it started (so it passes its smoke run) is rolled back at its 10 % HTTPRoute step by
// analysis; the stable revision takes all traffic.
import { CustomObjectsApi } from "@kubernetes/client-node";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HTTP_ROUTE } from "@/lib/providers/kubernetes/kube-names";
import { seedKubeTarget } from "@/lib/providers/kubernetes/testing/kube-target-fixtures";
import { startClientTraffic } from "./testing/client-traffic";
import { createPrincipal, createRelease, createTarget, enableErrorAnalysis, waitForState } from "./testing/engine-fixtures";
import { type KubeAnalysisStack, startKubeAnalysisStack } from "./testing/kube-analysis-stack";

let stack: KubeAnalysisStack;

beforeAll(async () => {
  stack = await startKubeAnalysisStack("k8s-analysis");
});

afterAll(async () => {
  await stack?.close();
});

it("rolls back a bad release at its 10 % HTTPRoute canary step on the pods' own error rate in Prometheus", async () => {
  const principal = await createPrincipal("release_manager");
  const seed = await seedKubeTarget({ cluster: stack.cluster, httpRoute: true });
  const { environment, service, target } = await createTarget({
    strategy: "canary",
    canarySteps: [10, 100],
    stepPauseSeconds: 60,
    kubernetes: seed.config,
  });
  await enableErrorAnalysis({ serviceId: service.id });
  await stack.measureTarget(seed, target.id);
  const deploy = async (version: string, options: { strategy?: "blue_green"; env?: Record<string, string> } = {}) => {
    const release = await createRelease(service.id, version, principal.userId);
    if (options.env) await db.release.update({ where: { id: release.id }, data: { env: options.env } });
    const input = { releaseId: release.id, environment: environment.slug, strategy: options.strategy, waitForWindow: false };
    const { startDeployment } = await import("./start-deployment");
    return (await startDeployment({ principal, input })).id;
  };
  const v1 = await waitForState(await deploy("1.0.0", { strategy: "blue_green" }), ["succeeded", "failed", "rolled_back"], 90_000);
  expect(v1.state, v1.error ?? "").toBe("succeeded");
  const traffic = startClientTraffic({ url: `${stack.cluster.httpUrl}/gateway/${seed.namespace}/web/work` });
  const id = await deploy("2.0.0", { env: { ERROR_RATE: "0.2", ERRORS_AFTER_SECONDS: "5" } });
  const done = await waitForState(id, ["rolled_back", "succeeded", "failed", "paused"], 120_000);
  await traffic.stop();

  expect(done.state, done.error ?? "").toBe("rolled_back");
  expect(done.error).toMatch(/^Analysis: rollback — errors: 1 breach \(failure limit 0\); last: /);
  const measurements = await db.measurement.findMany({ where: { analysisRun: { deploymentId: id }, revision: "candidate" } });
  expect(measurements.some((m) => m.verdict === "fail" && m.query.includes(`revision="${done.revision}"`))).toBe(true);
  // The canary saw real traffic through the gateway before it was taken out.
  expect(traffic.samples.filter((s) => s.revision === "2.0.0").length).toBeGreaterThan(0);
  const route = (await seed.kc
    .makeApiClient(CustomObjectsApi)
    .getNamespacedCustomObject({ ...HTTP_ROUTE, namespace: seed.namespace, name: "web" })) as {
    spec: { rules: { backendRefs: { name: string; weight: number }[] }[] };
  };
  expect(route.spec.rules[0]!.backendRefs.map((b) => [b.name, b.weight])).toEqual([[`web-${v1.revision}`, 100]]);
}, 240_000);
