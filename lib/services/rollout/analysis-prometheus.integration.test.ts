// The canary pause analysed through real Prometheus: a private Prometheus scrapes the local provider's
// /metrics every second, the target's metrics source is that Prometheus, and a real worker runs the rollout.
// A release that fails 20 % of its requests from 5 s after it started (so it passes its smoke run) is rolled
// back within one interval + 1 s of the breach being visible in Prometheus, as the test reads it itself.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createMetricsSource } from "@/lib/metrics/registry";
import { type OwnPrometheus, startOwnPrometheus } from "@/lib/testing/own-prometheus";
import { createOwnRedis, freePort, type OwnRedis } from "@/lib/testing/own-redis";
import { type SpawnedWorker, spawnWorker } from "@/workers/testing/spawn-worker";
import { startClientTraffic } from "./testing/client-traffic";
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
let metricsPort: number;

beforeAll(async () => {
  redis = await createOwnRedis();
  await redis.start();
  Object.assign(process.env, { REDIS_URL: redis.url, LOCAL_PROVIDER_STATE_DIR: stateDir });
  metricsPort = await freePort();
  prometheus = await startOwnPrometheus({ targets: [`127.0.0.1:${metricsPort}`] });
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

/** Polls Prometheus (the analysis' own query) every 100 ms; resolves with when it first showed the breach. */
function watchForBreach(config: { type: "prometheus"; url: string }, targetId: string, candidate: () => string | null) {
  const source = createMetricsSource(config);
  let seenAt: number | null = null;
  let running = true;
  const done = (async () => {
    while (running && seenAt === null) {
      const name = candidate();
      if (name) {
        const now = new Date();
        const { candidate: m } = await source.measure({
          metric: "error_rate",
          target: { id: targetId },
          revisions: { candidate: name },
          windowSeconds: WINDOW_SECONDS,
          now,
        });
        if (m.sampleCount >= MIN_SAMPLES && (m.value ?? 0) > 5) seenAt = now.getTime();
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return { seenAt: async () => ((running = false), await done, seenAt) };
}

it("rolls back a canary within one interval + 1 s of its breach showing in Prometheus", async () => {
  const principal = await createPrincipal("release_manager");
  const { environment, service, target } = await createTarget({ strategy: "canary", canarySteps: [50, 100], stepPauseSeconds: 60 });
  const source = { type: "prometheus" as const, url: prometheus.url };
  await db.target.update({
    where: { id: target.id },
    data: { providerConfig: { ...(target.providerConfig as object), metricsPort }, metricsSource: source },
  });
  await enableErrorAnalysis({ serviceId: service.id });
  const { startDeployment } = await import("./start-deployment");
  const { getProvider } = await import("./get-provider");
  const deploy = async (releaseId: string, strategy?: "rolling") =>
    (await startDeployment({ principal, input: { releaseId, environment: environment.slug, strategy, waitForWindow: false } })).id;
  const v1 = await waitForState(
    await deploy((await createRelease(service.id, "1.0.0", principal.userId)).id, "rolling"),
    ["succeeded"],
    60_000,
  );
  const fresh = await db.target.findUniqueOrThrow({ where: { id: target.id } });
  const status = await getProvider("local").getStatus({
    target: { id: target.id, providerType: "local", providerConfig: fresh.providerConfig },
  });
  const traffic = startClientTraffic({ url: new URL("/work", status.url!).toString() });

  const bad = await createRelease(service.id, "2.0.0", principal.userId);
  await db.release.update({ where: { id: bad.id }, data: { env: { ERROR_RATE: "0.2", ERRORS_AFTER_SECONDS: "5" } } });
  const id = await deploy(bad.id);
  const revision = (await db.deployment.findUniqueOrThrow({ where: { id } })).revision;
  const breach = watchForBreach(source, target.id, () => revision);
  const done = await waitForState(id, ["rolled_back", "succeeded", "failed", "paused"], 90_000);
  const visible = await breach.seenAt();
  await traffic.stop();

  expect(done.state, done.error ?? "").toBe("rolled_back");
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
