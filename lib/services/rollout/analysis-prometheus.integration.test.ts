// The canary pause analysed through real Prometheus: a private Prometheus scrapes the local provider's
// /metrics every second, the target's metrics source is that Prometheus, and a real worker runs the rollout.
// A release that fails 20 % of its requests from 5 s after it started (so it passes its smoke run) is rolled
// back at a 10 % step within one interval + 1 s of the breach being visible in Prometheus, as the test reads
// it itself; a canary without traffic is paused for a person; a Prometheus that cannot be reached gives error
// measurements and pauses the canary once the limit is passed.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { type OwnPrometheus, startOwnPrometheus } from "@/lib/testing/own-prometheus";
import { createOwnRedis, freePort, type OwnRedis } from "@/lib/testing/own-redis";
import { type SpawnedWorker, spawnWorker } from "@/workers/testing/spawn-worker";
import { startClientTraffic } from "./testing/client-traffic";
import { watchForBreach } from "./testing/prometheus-breach";
import {
  closeEngineTest,
  ERROR_ANALYSIS,
  enableErrorAnalysis,
  createPrincipal,
  createRelease,
  createTarget,
  waitForState,
} from "./testing/engine-fixtures";

const stateDir = mkdtempSync(path.join(tmpdir(), "fd-analysis-prom-"));
const { intervalSeconds: INTERVAL_SECONDS, windowSeconds: WINDOW_SECONDS, minSampleRequests: MIN_SAMPLES } = ERROR_ANALYSIS;
let redis: OwnRedis;
let worker: SpawnedWorker;
let prometheus: OwnPrometheus;
/** One scraped metrics port per test that reads real Prometheus (a supervisor binds its own). */
let metricsPorts: number[];

beforeAll(async () => {
  redis = await createOwnRedis();
  await redis.start();
  Object.assign(process.env, { REDIS_URL: redis.url, LOCAL_PROVIDER_STATE_DIR: stateDir });
  metricsPorts = [await freePort(), await freePort()];
  prometheus = await startOwnPrometheus({ targets: metricsPorts.map((port) => `127.0.0.1:${port}`) });
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
  await closeEngineTest({ stateDir, workers: worker ? [worker] : [] });
  await prometheus?.stop();
  await redis?.stop();
});

/** A canary target whose metrics source is `url` (and whose proxy serves /metrics on `metricsPort`), with 1.0.0 running. */
async function prometheusTarget({ url, metricsPort, stepPauseSeconds }: { url: string; metricsPort: number; stepPauseSeconds: number }) {
  const principal = await createPrincipal("release_manager");
  const { environment, service, target } = await createTarget({ strategy: "canary", canarySteps: [10, 100], stepPauseSeconds });
  await db.target.update({
    where: { id: target.id },
    data: {
      providerConfig: { ...(target.providerConfig as object), metricsPort },
      metricsSource: { type: "prometheus", url, timeoutMs: 1000 },
    },
  });
  await enableErrorAnalysis({ serviceId: service.id });
  const { startDeployment } = await import("./start-deployment");
  const { getProvider } = await import("./get-provider");
  const deploy = async (version: string, options: { strategy?: "rolling"; env?: Record<string, string> } = {}) => {
    const release = await createRelease(service.id, version, principal.userId);
    if (options.env) await db.release.update({ where: { id: release.id }, data: { env: options.env } });
    const input = { releaseId: release.id, environment: environment.slug, strategy: options.strategy, waitForWindow: false };
    return (await startDeployment({ principal, input })).id;
  };
  const v1 = await waitForState(await deploy("1.0.0", { strategy: "rolling" }), ["succeeded"], 60_000);
  const fresh = await db.target.findUniqueOrThrow({ where: { id: target.id } });
  const status = await getProvider("local").getStatus({
    target: { id: target.id, providerType: "local", providerConfig: fresh.providerConfig },
  });
  return { target, v1, deploy, proxyUrl: new URL("/work", status.url!).toString() };
}

const ENDS = ["rolled_back", "succeeded", "failed", "paused"] as const;

it("rolls back a 10 % canary within one interval + 1 s of its breach showing in Prometheus", async () => {
  const source = { type: "prometheus" as const, url: prometheus.url };
  const { target, v1, deploy, proxyUrl } = await prometheusTarget({
    url: prometheus.url,
    metricsPort: metricsPorts[0]!,
    stepPauseSeconds: 60,
  });
  const traffic = startClientTraffic({ url: proxyUrl });
  const id = await deploy("2.0.0", { env: { ERROR_RATE: "0.2", ERRORS_AFTER_SECONDS: "5" } });
  const revision = (await db.deployment.findUniqueOrThrow({ where: { id } })).revision;
  const breach = watchForBreach({
    config: source,
    targetId: target.id,
    candidate: () => revision,
    windowSeconds: WINDOW_SECONDS,
    minSamples: MIN_SAMPLES,
    percent: 5,
  });
  const done = await waitForState(id, [...ENDS], 90_000);
  const visible = await breach.seenAt();
  await traffic.stop();

  expect(done.state, done.error ?? "").toBe("rolled_back");
  expect(done.trafficPercent).toBe(0);
  expect(done.error).toMatch(/^Analysis: rollback — errors: 1 breach \(failure limit 0\); last: /);
  expect(visible, "the test never saw the breach in Prometheus before the rollback").not.toBeNull();
  const rollbackStarted = done.events.find((e) => e.type === "error" && e.message === done.error)!.createdAt.getTime();
  console.info(
    `breach visible in Prometheus → rollback started: ${rollbackStarted - visible!} ms (interval ${INTERVAL_SECONDS * 1000} ms)`,
  );
  expect(rollbackStarted - visible!).toBeLessThanOrEqual(INTERVAL_SECONDS * 1000 + 1000);
  const measurements = await db.measurement.findMany({ where: { analysisRun: { deploymentId: id }, revision: "candidate" } });
  expect(measurements.every((m) => m.query.includes(`target="${target.id}"`))).toBe(true);
  expect(measurements.some((m) => m.verdict === "fail")).toBe(true);
  expect(v1.state).toBe("succeeded");
}, 180_000);

it("pauses a canary that gets no traffic for a person: too few requests in Prometheus is inconclusive, never a rollback", async () => {
  const { deploy } = await prometheusTarget({ url: prometheus.url, metricsPort: metricsPorts[1]!, stepPauseSeconds: 3 });
  const done = await waitForState(await deploy("2.0.0"), [...ENDS], 60_000);
  expect(done.state, done.error ?? "").toBe("paused");
  expect(done.pausedReason).toBe("analysis");
  expect(done.events.at(-1)!.message).toMatch(
    new RegExp(
      `^Analysis inconclusive — errors: too little traffic to judge, a person decides: the candidate had \\d+ samples in ${WINDOW_SECONDS} s, fewer than the ${MIN_SAMPLES} required$`,
    ),
  );
}, 120_000);

it("records a query that fails as error measurements and pauses the canary once consecutiveErrorLimit is passed", async () => {
  const unreachable = `http://127.0.0.1:${await freePort()}`;
  const { target, deploy } = await prometheusTarget({ url: unreachable, metricsPort: await freePort(), stepPauseSeconds: 30 });
  const id = await deploy("2.0.0");
  const done = await waitForState(id, [...ENDS], 60_000);
  expect(done.state, done.error ?? "").toBe("paused");
  expect(done.pausedReason).toBe("analysis");
  // The documents' default limit is 4 failed queries in a row; the fifth turns the run inconclusive.
  expect(done.events.at(-1)!.message).toMatch(/^Analysis inconclusive — errors: the query failed 5 times in a row \(limit 4\): /);
  const measurements = await db.measurement.findMany({ where: { analysisRun: { deploymentId: id }, revision: "candidate" } });
  expect(measurements).toHaveLength(5);
  expect(measurements.every((m) => m.verdict === "error" && m.error !== null && m.query.includes(`target="${target.id}"`))).toBe(true);
}, 120_000);
