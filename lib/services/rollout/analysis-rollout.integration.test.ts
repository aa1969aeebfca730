// The canary pause analysed end to end: a real worker process runs the rollout, the local provider runs
// real sample-service processes, and real requests go through its proxy. A release that starts failing 20 %
// of its requests a few seconds after it started (so it passes verification first) is rolled back by the
// analysis within one interval + 1 s of the breach being visible in the requests themselves.
import { mkdtempSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { stateFilePath } from "@/lib/providers/local/supervisor-state";
import { createOwnRedis, type OwnRedis } from "@/lib/testing/own-redis";
import { type SpawnedWorker, spawnWorker } from "@/workers/testing/spawn-worker";
import { breachVisibleAt, startClientTraffic } from "./testing/client-traffic";
import {
  closeEngineTest,
  ERROR_ANALYSIS,
  enableErrorAnalysis,
  createPrincipal,
  createRelease,
  createTarget,
  waitForState,
} from "./testing/engine-fixtures";

const stateDir = mkdtempSync(path.join(tmpdir(), "fd-analysis-engine-"));
const { intervalSeconds: INTERVAL_SECONDS, windowSeconds: WINDOW_SECONDS, minSampleRequests: MIN_SAMPLES } = ERROR_ANALYSIS;
let redis: OwnRedis;
let worker: SpawnedWorker;

beforeAll(async () => {
  redis = await createOwnRedis();
  await redis.start();
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
  await closeEngineTest({ stateDir, workers: worker ? [worker] : [] });
  await redis?.stop();
});

it("rolls back a canary whose errors start after verification, within one interval + 1 s of the breach", async () => {
  const principal = await createPrincipal("release_manager");
  const { environment, service, target } = await createTarget({ strategy: "canary", canarySteps: [50, 100], stepPauseSeconds: 60 });
  await enableErrorAnalysis({ serviceId: service.id });
  const { startDeployment } = await import("./start-deployment");
  const { getProvider } = await import("./get-provider");
  const deploy = async (releaseId: string, strategy?: "rolling") =>
    (await startDeployment({ principal, input: { releaseId, environment: environment.slug, strategy, waitForWindow: false } })).id;
  const v1 = await waitForState(await deploy((await createRelease(service.id, "1.0.0", principal.userId)).id, "rolling"), ["succeeded"]);
  const status = await getProvider("local").getStatus({
    target: { id: target.id, providerType: "local", providerConfig: target.providerConfig },
  });
  const traffic = startClientTraffic({ url: new URL("/work", status.url!).toString() });

  const bad = await createRelease(service.id, "2.0.0", principal.userId);
  await db.release.update({ where: { id: bad.id }, data: { env: { ERROR_RATE: "0.2", ERRORS_AFTER_SECONDS: "5" } } });
  const id = await deploy(bad.id);
  const done = await waitForState(id, ["rolled_back", "succeeded", "failed", "paused"], 90_000);
  await traffic.stop();

  expect(done.state, done.error ?? "").toBe("rolled_back");
  expect(done.error).toMatch(/^Analysis: rollback — errors: 1 breach \(failure limit 0\); last: \d+(\.\d+)? % > 5 % over 10 s$/);
  const rollbackStarted = done.events.find((e) => e.type === "error" && e.message === done.error)!.createdAt.getTime();
  const visible = breachVisibleAt({
    samples: traffic.samples,
    candidate: done.revision!,
    windowSeconds: WINDOW_SECONDS,
    minSamples: MIN_SAMPLES,
    percent: 5,
  });
  console.info(`breach visible → rollback started: ${rollbackStarted - visible} ms (interval ${INTERVAL_SECONDS * 1000} ms)`);
  expect(rollbackStarted - visible).toBeLessThanOrEqual(INTERVAL_SECONDS * 1000 + 1000);
  // Measured healthy before the errors began: the rollback is the analysis', not verification's.
  const run = await db.analysisRun.findFirstOrThrow({
    where: { deploymentId: id },
    include: { measurements: { orderBy: { measuredAt: "asc" } } },
  });
  const verdicts = run.measurements.filter((m) => m.revision === "candidate").map((m) => m.verdict);
  expect(verdicts.at(-1)).toBe("fail");
  expect(verdicts.slice(0, -1).every((v) => v === "pass" || v === "insufficient")).toBe(true);
  expect(run).toMatchObject({ verdict: "rollback", status: "finished" });
  // Each tick of the pause is a job of its own; the timeline still says once that the step started.
  expect(verdicts.length).toBeGreaterThan(1);
  const started = done.events.filter((e) => e.type === "step_started").map((e) => (e.data as { step: number }).step);
  expect(started).toEqual([...new Set(started)]);
  // All traffic is back on the stable revision.
  const after = await getProvider("local").getStatus({
    target: { id: target.id, providerType: "local", providerConfig: target.providerConfig },
  });
  expect(after.revisions.find((r) => r.name === v1.revision)?.healthy).toBe(true);
}, 150_000);

it("pauses a canary that gets no traffic for a person, with the reason, and proceeds when that person resumes it", async () => {
  const principal = await createPrincipal("release_manager");
  const { environment, service } = await createTarget({ strategy: "canary", canarySteps: [50, 100], stepPauseSeconds: 3 });
  await enableErrorAnalysis({ serviceId: service.id });
  const { startDeployment } = await import("./start-deployment");
  const { controlDeployment } = await import("./control-deployment");
  const deploy = async (version: string, strategy?: "rolling") => {
    const release = await createRelease(service.id, version, principal.userId);
    return (
      await startDeployment({ principal, input: { releaseId: release.id, environment: environment.slug, strategy, waitForWindow: false } })
    ).id;
  };
  await waitForState(await deploy("1.0.0", "rolling"), ["succeeded"]);
  const id = await deploy("2.0.0");
  const paused = await waitForState(id, ["paused", "succeeded", "rolled_back", "failed"], 60_000);
  expect(paused.state, paused.error ?? "").toBe("paused");
  expect(paused.pausedReason).toBe("analysis");
  expect(paused.events.at(-1)!.message).toBe(
    `Analysis inconclusive — errors: too little traffic to judge, a person decides: the candidate had 0 samples in ${WINDOW_SECONDS} s, fewer than the ${MIN_SAMPLES} required`,
  );
  await controlDeployment({ principal, id, control: "resume" });
  expect((await waitForState(id, ["succeeded", "rolled_back", "failed", "paused"], 60_000)).state).toBe("succeeded");
}, 120_000);

it("records a window the supervisor will not serve as error measurements, and pauses the canary once consecutiveErrorLimit is passed", async () => {
  const principal = await createPrincipal("release_manager");
  const { environment, service, target } = await createTarget({ strategy: "canary", canarySteps: [50, 100], stepPauseSeconds: 60 });
  await enableErrorAnalysis({ serviceId: service.id });
  const { startDeployment } = await import("./start-deployment");
  const { getProvider } = await import("./get-provider");
  const deploy = async (version: string, strategy?: "rolling") => {
    const release = await createRelease(service.id, version, principal.userId);
    return (
      await startDeployment({ principal, input: { releaseId: release.id, environment: environment.slug, strategy, waitForWindow: false } })
    ).id;
  };
  await waitForState(await deploy("1.0.0", "rolling"), ["succeeded"]);
  const status = await getProvider("local").getStatus({
    target: { id: target.id, providerType: "local", providerConfig: target.providerConfig },
  });
  const traffic = startClientTraffic({ url: new URL("/work", status.url!).toString() });
  const id = await deploy("2.0.0");
  // Once the canary is being judged, the supervisor's control API stops answering the analysis: the state
  // file's token no longer matches, so every window read is refused (the revisions keep serving meanwhile).
  const judged = async () => db.measurement.count({ where: { analysisRun: { deploymentId: id }, revision: "candidate", verdict: "pass" } });
  const deadline = Date.now() + 60_000;
  while ((await judged()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(await judged()).toBeGreaterThan(0);
  const file = stateFilePath({ stateDir, targetId: target.id });
  const state = JSON.parse(await readFile(file, "utf8")) as { token: string };
  await writeFile(file, JSON.stringify({ ...state, token: `${state.token}-revoked` }), { mode: 0o600 });
  const done = await waitForState(id, ["paused", "succeeded", "rolled_back", "failed"], 60_000);
  await writeFile(file, JSON.stringify(state), { mode: 0o600 });
  await traffic.stop();

  expect(done.state, done.error ?? "").toBe("paused");
  expect(done.pausedReason).toBe("analysis");
  expect(done.events.at(-1)!.message).toMatch(
    /^Analysis inconclusive — errors: the query failed 5 times in a row \(limit 4\): .*does not answer on its control port/,
  );
  const measurements = await db.measurement.findMany({
    where: { analysisRun: { deploymentId: id }, revision: "candidate" },
    orderBy: { measuredAt: "asc" },
  });
  const errors = measurements.slice(-5);
  expect(errors.every((m) => m.verdict === "error" && m.error!.includes("does not answer on its control port"))).toBe(true);
  expect(errors.every((m) => m.query.includes(target.id))).toBe(true);
  expect(measurements.slice(0, -5).every((m) => m.verdict !== "error")).toBe(true);
}, 150_000);

it("watches a blue-green switch: errors that start after it take all traffic back to the old revision, which still runs", async () => {
  const principal = await createPrincipal("release_manager");
  const { environment, service, target } = await createTarget({ strategy: "blue_green" });
  await enableErrorAnalysis({ serviceId: service.id, watchPeriodSeconds: 60 });
  const { startDeployment } = await import("./start-deployment");
  const { controlDeployment } = await import("./control-deployment");
  const { getProvider } = await import("./get-provider");
  const deploy = async (releaseId: string) =>
    (await startDeployment({ principal, input: { releaseId, environment: environment.slug, waitForWindow: false } })).id;
  // The good release: watched too, and a person ends its watch with promote.
  const firstId = await deploy((await createRelease(service.id, "1.0.0", principal.userId)).id);
  await waitUntilStep(firstId, "watch");
  await controlDeployment({ principal, id: firstId, control: "promote" });
  const v1 = await waitForState(firstId, ["succeeded", "rolled_back", "failed", "paused"]);
  expect(v1.state, v1.error ?? "").toBe("succeeded");
  const providerTarget = { id: target.id, providerType: "local" as const, providerConfig: target.providerConfig };
  const status = await getProvider("local").getStatus({ target: providerTarget });
  const traffic = startClientTraffic({ url: new URL("/work", status.url!).toString() });

  const bad = await createRelease(service.id, "2.0.0", principal.userId);
  await db.release.update({ where: { id: bad.id }, data: { env: { ERROR_RATE: "0.2", ERRORS_AFTER_SECONDS: "6" } } });
  const id = await deploy(bad.id);
  const done = await waitForState(id, ["rolled_back", "succeeded", "failed", "paused"], 90_000);
  await traffic.stop();

  expect(done.state, done.error ?? "").toBe("rolled_back");
  expect(done.error).toMatch(/^Analysis after the switch: rollback — errors: 1 breach \(failure limit 0\); last: /);
  const run = await db.analysisRun.findFirstOrThrow({ where: { deploymentId: id }, include: { measurements: true } });
  expect(run).toMatchObject({ phase: "blue_green_switch", verdict: "rollback", status: "finished" });
  // The stable revision is read over the window that ended when full traffic began: it served then.
  const stable = run.measurements.filter((m) => m.revision === "stable");
  expect(stable.length).toBeGreaterThan(0);
  expect(
    stable.every(
      (m) => m.revisionName === v1.revision && m.sampleCount > 0 && m.reason?.startsWith("the stable revision before full traffic"),
    ),
  ).toBe(true);
  const after = await getProvider("local").getStatus({ target: providerTarget });
  expect(after.revisions.find((r) => r.name === v1.revision)).toMatchObject({ healthy: true, traffic: 100 });
}, 180_000);

async function waitUntilStep(id: string, kind: string): Promise<void> {
  const { waitUntil } = await import("@/lib/testing/own-redis");
  await waitUntil(
    async () => {
      const d = await db.deployment.findUniqueOrThrow({ where: { id } });
      const step = (d.plan as { kind: string }[])[d.currentStep];
      if (step?.kind !== kind || d.state !== "stepping") throw new Error(`deployment is ${d.state} at ${step?.kind}`);
    },
    { timeoutMs: 60_000, what: `deployment ${id} to reach its ${kind} step` },
  );
}
