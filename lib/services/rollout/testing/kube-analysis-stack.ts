// What the Kubernetes analysis tests run on: the test cluster with real sample-service pods, a private
// Prometheus that scrapes each ready pod's own /metrics through the API server's pod proxy (a file_sd list
// kept per target, labelled with target and revision), and a real worker. The target's metrics source is that
// Prometheus, with the sample service's own http_requests_total counters.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import type { KubeTargetSeed } from "@/lib/providers/kubernetes/testing/kube-target-fixtures";
import { startTestCluster, type TestCluster } from "@/lib/providers/kubernetes/testing/start-test-cluster";
import { type PodScrapeTargets, writePodScrapeTargets } from "@/lib/providers/kubernetes/testing/write-pod-scrape-targets";
import { type OwnPrometheus, startOwnPrometheus } from "@/lib/testing/own-prometheus";
import { createOwnRedis, type OwnRedis } from "@/lib/testing/own-redis";
import { type SpawnedWorker, spawnWorker } from "@/workers/testing/spawn-worker";
import { closeEngineTest } from "./engine-fixtures";

/** The sample service's own counters, not the local proxy's: a selector and error-rate query of the target's own. */
export const podMetricsSource = (url: string) => ({
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

export type KubeAnalysisStack = {
  cluster: TestCluster;
  prometheus: OwnPrometheus;
  /** Points the target's metrics at the stack's Prometheus and has it scrape the seed's pods. */
  measureTarget: (seed: KubeTargetSeed, targetId: string) => Promise<void>;
  close: () => Promise<void>;
};

export async function startKubeAnalysisStack(name: string): Promise<KubeAnalysisStack> {
  const stateDir = mkdtempSync(path.join(tmpdir(), `fd-${name}-`));
  const redis: OwnRedis = await createOwnRedis();
  await redis.start();
  const cluster = await startTestCluster({ stateDir: path.join(stateDir, "cluster"), podMode: "process" });
  // One file_sd list per target: each test keeps its own pods in it.
  const scrapeDir = path.join(stateDir, "scrape");
  mkdirSync(scrapeDir);
  const prometheus = await startOwnPrometheus({
    targets: [],
    fileTargets: { file: path.join(scrapeDir, "*.sd.json"), bearerToken: cluster.token },
  });
  Object.assign(process.env, { REDIS_URL: redis.url, LOCAL_PROVIDER_STATE_DIR: stateDir });
  const worker: SpawnedWorker = spawnWorker({
    env: {
      REDIS_URL: redis.url,
      REDIS_PREFIX: process.env.REDIS_PREFIX!,
      DATABASE_URL: process.env.DATABASE_URL!,
      LOCAL_PROVIDER_STATE_DIR: stateDir,
    },
  });
  const scrapes: PodScrapeTargets[] = [];
  return {
    cluster,
    prometheus,
    measureTarget: async (seed, targetId) => {
      await db.target.update({ where: { id: targetId }, data: { metricsSource: podMetricsSource(prometheus.url) } });
      const apiHost = new URL(cluster.httpUrl).host;
      const file = path.join(scrapeDir, `${seed.namespace}.sd.json`);
      scrapes.push(writePodScrapeTargets({ kc: seed.kc, namespace: seed.namespace, apiHost, file, targetId }));
    },
    close: async () => {
      await Promise.all(scrapes.map((s) => s.stop()));
      await closeEngineTest({ stateDir, workers: [worker] });
      await prometheus.stop();
      await cluster.stop();
      await redis.stop();
    },
  };
}
