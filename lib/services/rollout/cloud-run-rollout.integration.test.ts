// The rollout engine on a Cloud Run target: a real worker process drives the Cloud Run provider (the real
// @google-cloud/run clients) against the Cloud Run test server, whose revisions are real sample-service
// processes behind a service URL that splits by percent and a tag URL per revision. A private Prometheus
// scrapes the server's Cloud Run request metrics for the analysis, with the Cloud Run query flavour. Each
// target holds the server's service-account key as its encrypted credentials; the worker decrypts it and
// runs the OAuth exchange at the key's token_uri.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CloudRunProvider } from "@/lib/providers/cloudrun/cloud-run-provider";
import { cloudRunTarget } from "@/lib/providers/cloudrun/testing/cloud-run-target";
import { type CloudRunTestServer, startCloudRunTestServer } from "@/lib/providers/cloudrun/testing/start-cloud-run-test-server";
import { groupExists } from "@/lib/providers/local/testing/local-fixtures";
import { sendRequests } from "@/lib/providers/local/testing/send-requests";
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

let dir: string;
let redis: OwnRedis;
let server: CloudRunTestServer;
let prometheus: OwnPrometheus;
let worker: SpawnedWorker;
const provider = new CloudRunProvider();
const ENDS = ["succeeded", "failed", "rolled_back", "aborted"] as const;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "fd-cloudrun-engine-"));
  redis = await createOwnRedis();
  await redis.start();
  server = await startCloudRunTestServer({ stateDir: path.join(dir, "cloudrun"), revisionMode: "process" });
  prometheus = await startOwnPrometheus({ targets: [`127.0.0.1:${server.port}`] });
  Object.assign(process.env, { REDIS_URL: redis.url, LOCAL_PROVIDER_STATE_DIR: path.join(dir, "local") });
  worker = spawnWorker({
    env: {
      REDIS_URL: redis.url,
      REDIS_PREFIX: process.env.REDIS_PREFIX!,
      DATABASE_URL: process.env.DATABASE_URL!,
      LOCAL_PROVIDER_STATE_DIR: path.join(dir, "local"),
    },
  });
});

afterAll(async () => {
  await closeEngineTest({ stateDir: path.join(dir, "local"), workers: worker ? [worker] : [] });
  await provider.close();
  const groups = server?.runningProcessGroups() ?? [];
  await server?.stop();
  expect(groups.filter(groupExists)).toEqual([]);
  await prometheus?.stop();
  await redis?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A Cloud Run target for a fresh service, with `deploy(version)` through the engine and the provider's view of it. */
async function cloudRunService(options: Parameters<typeof createTarget>[0]) {
  const principal = await createPrincipal("release_manager");
  const created = await createTarget({ ...options, cloudRun: { server } });
  const { environment, service, target } = created;
  const deploy = async (version: string, more: { strategy?: "rolling" | "canary" | "blue_green"; env?: Record<string, string> } = {}) => {
    const release = await createRelease(service.id, version, principal.userId);
    if (more.env) await db.release.update({ where: { id: release.id }, data: { env: more.env } });
    const { startDeployment } = await import("./start-deployment");
    const input = { releaseId: release.id, environment: environment.slug, strategy: more.strategy, waitForWindow: false };
    return (await startDeployment({ principal, input })).id;
  };
  // The provider as the test sees it: the same configuration and key.
  const status = () => provider.getStatus({ target: { ...cloudRunTarget({ server, service: service.slug, id: target.id }) } });
  const runId = (revision: string) => `${service.slug}-${revision}`;
  return { ...created, principal, deploy, status, runId };
}

/** Percent of `count` requests through the service URL answered by `revision` (a Cloud Run revision id). */
async function shareOf(url: string, revision: string, count = 1000) {
  const load = await sendRequests({ url: `${url}/health`, count });
  expect(load.failures).toBe(0);
  return (100 * (load.byRevision[revision] ?? 0)) / count;
}

describe("rollout engine on Cloud Run", () => {
  it("moves real traffic 10 → 50 → 100 through the service URL, each share within 5 points", async () => {
    const t = await cloudRunService({ strategy: "canary", canarySteps: [10, 50, 100], stepPauseSeconds: null });
    const v1 = await waitForState(await t.deploy("1.0.0", { strategy: "rolling" }), [...ENDS], 60_000);
    expect(v1.state, v1.error ?? "").toBe("succeeded");
    const id = await t.deploy("2.0.0");
    const { controlDeployment } = await import("./control-deployment");
    for (const percent of [10, 50]) {
      const paused = await waitForState(id, ["paused"], 60_000);
      expect(paused.trafficPercent).toBe(percent);
      const share = await shareOf((await t.status()).url!, t.runId(paused.revision!));
      expect(Math.abs(share - percent), `v2 share ${share}% at the ${percent}% step`).toBeLessThanOrEqual(5);
      await controlDeployment({ principal: t.principal, id, control: "resume" });
    }
    const done = await waitForState(id, [...ENDS], 60_000);
    expect(done.state, done.error ?? "").toBe("succeeded");
    expect(await shareOf((await t.status()).url!, t.runId(done.revision!), 100)).toBe(100);
    // The previous revision is still listed (Cloud Run keeps it) without its tag: a rollback can reach it.
    expect((await t.status()).revisions.find((r) => r.name === v1.revision)).toMatchObject({ traffic: 0, url: null, ready: true });
  }, 180_000);

  it("analyses a 10 → 50 → 100 canary through Prometheus with Cloud Run's metrics and promotes a good release", async () => {
    const t = await cloudRunService({ strategy: "canary", canarySteps: [10, 50, 100], stepPauseSeconds: 4 });
    await db.target.update({
      where: { id: t.target.id },
      data: { metricsSource: { type: "prometheus", url: prometheus.url, flavour: "cloudrun", timeoutMs: 2000 } },
    });
    await enableErrorAnalysis({ serviceId: t.service.id });
    expect((await waitForState(await t.deploy("1.0.0", { strategy: "rolling" }), [...ENDS], 60_000)).state).toBe("succeeded");
    const traffic = startClientTraffic({ url: `${(await t.status()).url}/work` });
    const done = await waitForState(await t.deploy("2.0.0"), [...ENDS, "paused"], 120_000);
    await traffic.stop();
    expect(done.state, `${done.error ?? ""} ${done.events.at(-1)?.message}`).toBe("succeeded");
    const measurements = await db.measurement.findMany({ where: { analysisRun: { deploymentId: done.id }, revision: "candidate" } });
    expect(measurements.length).toBeGreaterThanOrEqual(2);
    const seen = measurements.map((m) => ({ verdict: m.verdict, samples: m.sampleCount, query: m.query, error: m.error }));
    expect(seen.filter((m) => !m.query.includes(`run_googleapis_com:request_count{revision_name=~".+-${done.revision}"`))).toEqual([]);
    // A first reading right after a step can have too few samples (inconclusive, measured again); none fails.
    expect(seen.filter((m) => m.verdict === "fail" || m.verdict === "error")).toEqual([]);
    expect(seen.filter((m) => m.verdict === "pass" && m.samples >= 10).length).toBeGreaterThanOrEqual(2);
  }, 240_000);

  it("rolls a canary back when Cloud Run's metrics in Prometheus show its errors", async () => {
    const t = await cloudRunService({ strategy: "canary", canarySteps: [10, 50, 100], stepPauseSeconds: 30 });
    await db.target.update({
      where: { id: t.target.id },
      data: { metricsSource: { type: "prometheus", url: prometheus.url, flavour: "cloudrun", timeoutMs: 2000 } },
    });
    await enableErrorAnalysis({ serviceId: t.service.id });
    const v1 = await waitForState(await t.deploy("1.0.0", { strategy: "rolling" }), [...ENDS], 60_000);
    const traffic = startClientTraffic({ url: `${(await t.status()).url}/work` });
    const done = await waitForState(
      await t.deploy("2.0.0", { env: { ERROR_RATE: "0.5", ERRORS_AFTER_SECONDS: "3" } }),
      [...ENDS, "paused"],
      120_000,
    );
    await traffic.stop();
    expect(done.state, done.error ?? "").toBe("rolled_back");
    expect(done.error).toMatch(/^Analysis: rollback — errors: /);
    expect(await shareOf((await t.status()).url!, t.runId(v1.revision!), 100)).toBe(100);
  }, 240_000);

  it("switches blue-green after the smoke suite passed on the new revision's tag URL", async () => {
    const t = await cloudRunService({ strategy: "blue_green" });
    const v1 = await waitForState(await t.deploy("1.0.0"), [...ENDS], 60_000);
    const v2 = await waitForState(await t.deploy("2.0.0"), [...ENDS], 60_000);
    expect(v2.state, v2.error ?? "").toBe("succeeded");
    const [run] = await db.smokeRun.findMany({ where: { deploymentId: v2.id, trigger: "pre_traffic" } });
    const status = await t.status();
    const candidate = status.revisions.find((r) => r.name === v2.revision)!;
    expect(run).toMatchObject({ status: "passed", url: candidate.url });
    expect(run!.url).not.toBe(status.url);
    expect(await shareOf(status.url!, t.runId(v2.revision!), 100)).toBe(100);
    // Blue-green keeps the old revision at 0 % with its tag, for an instant rollback.
    expect(status.revisions.find((r) => r.name === v1.revision)).toMatchObject({ traffic: 0, ready: true });
  }, 180_000);

  it("rolls back to any listed revision: all traffic on the one asked for", async () => {
    const t = await cloudRunService({ strategy: "rolling" });
    const v1 = await waitForState(await t.deploy("1.0.0"), [...ENDS], 60_000);
    await waitForState(await t.deploy("2.0.0"), [...ENDS], 60_000);
    const v3 = await waitForState(await t.deploy("3.0.0"), [...ENDS], 60_000);
    expect(v3.state, v3.error ?? "").toBe("succeeded");
    const { startRollback } = await import("./start-rollback");
    const oncall = await createPrincipal("oncall");
    const { deploymentId } = await startRollback({
      principal: oncall,
      targetId: t.target.id,
      input: { reason: "bad", toRevision: v1.revision! },
    });
    const back = await waitForState(deploymentId, [...ENDS], 60_000);
    expect(back.state, back.error ?? "").toBe("succeeded");
    expect(back.revision).toBe(v1.revision);
    expect(await shareOf((await t.status()).url!, t.runId(v1.revision!), 100)).toBe(100);
  }, 240_000);

  it("reverts a revision that never becomes ready, with its Ready condition's message in the events", async () => {
    const t = await cloudRunService({ strategy: "canary", canarySteps: [10, 100], stepPauseSeconds: null });
    const v1 = await waitForState(await t.deploy("1.0.0", { strategy: "rolling" }), [...ENDS], 60_000);
    const done = await waitForState(await t.deploy("2.0.0", { env: { CRASH_ON_START: "1" } }), [...ENDS], 120_000);
    expect(done.state).toBe("rolled_back");
    const [revision] = await t.status().then((s) => s.revisions.filter((r) => r.name === done.revision));
    expect(revision).toMatchObject({ state: "exited", healthy: false });
    expect(done.error).toContain(revision!.reason!);
    expect(done.events.map((e) => e.message).join("\n")).toContain(revision!.reason!);
    expect(await shareOf((await t.status()).url!, t.runId(v1.revision!), 100)).toBe(100);
  }, 180_000);

  it("stops a deploy the service account may not make, naming the permission and the account; v1 keeps serving", async () => {
    const t = await cloudRunService({ strategy: "rolling" });
    const v1 = await waitForState(await t.deploy("1.0.0"), [...ENDS], 60_000);
    server.faults.denyPermission("run.services.update");
    const done = await waitForState(await t.deploy("2.0.0"), [...ENDS], 90_000).finally(() => server.faults.clear());
    // Nothing was started or moved, so the engine's revert leaves v1 serving: rolled back to it.
    expect(done.state).toBe("rolled_back");
    expect(done.error).toMatch(
      /^Provider error at step 1: Cloud Run refused permission run\.services\.update to flightdeck-deployer@flightdeck-test\.iam\.gserviceaccount\.com while trying to deploy revision /,
    );
    expect(await shareOf((await t.status()).url!, t.runId(v1.revision!), 100)).toBe(100);
  }, 120_000);
});
