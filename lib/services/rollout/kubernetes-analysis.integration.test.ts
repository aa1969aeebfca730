// Analysis of a Kubernetes canary through real Prometheus: a private Prometheus scrapes each ready pod's own
// /metrics through the API server's pod proxy (a file_sd list the test keeps, labelled with target and
// revision), the target's metrics source is that Prometheus, and a real worker runs the rollout against
// the test cluster. A release that fails 20 % of its requests from 5 s after it started (so it passes its
// smoke run) is rolled back at its 10 % HTTPRoute step by analysis; the stable revision takes all traffic.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CustomObjectsApi } from "@kubernetes/client-node";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HTTP_ROUTE } from "@/lib/providers/kubernetes/kube-names";
import { seedKubeTarget } from "@/lib/providers/kubernetes/testing/kube-target-fixtures";
import { startTestCluster, type TestCluster } from "@/lib/providers/kubernetes/testing/start-test-cluster";
import { type PodScrapeTargets, writePodScrapeTargets } from "@/lib/providers/kubernetes/testing/write-pod-scrape-targets";
import { type OwnPrometheus, startOwnPrometheus } from "@/lib/testing/own-prometheus";
import { createOwnRedis, type OwnRedis } from "@/lib/testing/own-redis";
import { type SpawnedWorker, spawnWorker } from "@/workers/testing/spawn-worker";
import { startClientTraffic } from "./testing/client-traffic";
import {
  closeEngineTest,
  createPrincipal,
  createRelease,
  createTarget,
  enableErrorAnalysis,
  waitForState,
} from "./testing/engine-fixtures";

const stateDir = mkdtempSync(path.join(tmpdir(), "fd-k8s-analysis-"));
const scrapeFile = path.join(stateDir, "pods.sd.json");
let redis: OwnRedis;
let worker: SpawnedWorker;
let cluster: TestCluster;
let prometheus: OwnPrometheus;
let scrape: PodScrapeTargets | undefined;

// The sample service's own counters, not the local proxy's: a selector and error-rate query of the target's own.
const source = (url: string) => ({
  type: "prometheus" as const,
  url,
  timeoutMs: 1000,
  selector: 'target="{{target}}",revision="{{revision}}"',
  queries: {
    error_rate:
      '100 * (sum(rate(http_requests_total{{{selector}},status=~"5.."}[{{window}}])) or vector(0)) / sum(rate(http_requests_total{{{selector}}}[{{window}}]))',
  },
  sampleQueries: { error_rate: "sum(increase(http_requests_total{{{selector}}}[{{window}}]))" },
});

beforeAll(async () => {
  redis = await createOwnRedis();
  await redis.start();
  cluster = await startTestCluster({ stateDir: path.join(stateDir, "cluster"), podMode: "process" });
  prometheus = await startOwnPrometheus({ targets: [], fileTargets: { file: scrapeFile, bearerToken: cluster.token } });
  Object.assign(process.env, { REDIS_URL: redis.url, LOCAL_PROVIDER_STATE_DIR: stateDir });
  worker = spawnWorker({
    env: {
      REDIS_URL: redis.url,
      REDIS_PREFIX: process.env.REDIS_PREFIX!,
      DATABASE_URL: process.env.DATABASE_URL!,
      LOCAL_PROVIDER_STATE_DIR: stateDir,
    },
  });
});

afterAll(async () => {
  await scrape?.stop();
  await closeEngineTest({ stateDir, workers: worker ? [worker] : [] });
  await prometheus?.stop();
  await cluster?.stop();
  await redis?.stop();
});

it("rolls back a bad release at its 10 % HTTPRoute canary step on the pods' own error rate in Prometheus", async () => {
  const principal = await createPrincipal("release_manager");
  const seed = await seedKubeTarget({ cluster, httpRoute: true });
  const { environment, service, target } = await createTarget({
    strategy: "canary",
    canarySteps: [10, 100],
    stepPauseSeconds: 60,
    kubernetes: seed.config,
  });
  await db.target.update({ where: { id: target.id }, data: { metricsSource: source(prometheus.url) } });
  await enableErrorAnalysis({ serviceId: service.id });
  scrape = writePodScrapeTargets({
    kc: seed.kc,
    namespace: seed.namespace,
    apiHost: new URL(cluster.httpUrl).host,
    file: scrapeFile,
    targetId: target.id,
  });
  const deploy = async (version: string, options: { strategy?: "blue_green"; env?: Record<string, string> } = {}) => {
    const release = await createRelease(service.id, version, principal.userId);
    if (options.env) await db.release.update({ where: { id: release.id }, data: { env: options.env } });
    const input = { releaseId: release.id, environment: environment.slug, strategy: options.strategy, waitForWindow: false };
    const { startDeployment } = await import("./start-deployment");
    return (await startDeployment({ principal, input })).id;
  };
  const v1 = await waitForState(await deploy("1.0.0", { strategy: "blue_green" }), ["succeeded", "failed", "rolled_back"], 90_000);
  expect(v1.state, v1.error ?? "").toBe("succeeded");
  const traffic = startClientTraffic({ url: `${cluster.httpUrl}/gateway/${seed.namespace}/web/work` });
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
