// The rollout engine end to end: the service layer queues, a real worker process runs the steps, the local
// provider starts real processes, and real HTTP requests go through its proxy. Redis is a private instance.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendRequests } from "@/lib/providers/local/testing/send-requests";
import { getDb } from "@/lib/db";
import { createOwnRedis, waitUntil, type OwnRedis } from "@/lib/testing/own-redis";
import { type SpawnedWorker, spawnWorker } from "@/workers/testing/spawn-worker";
import { closeEngineTest, createPrincipal, createRelease, createTarget, waitForState } from "./testing/engine-fixtures";

const stateDir = mkdtempSync(path.join(tmpdir(), "fd-engine-"));
let redis: OwnRedis;
let worker: SpawnedWorker;
let svc: {
  startDeployment: typeof import("./start-deployment").startDeployment;
  controlDeployment: typeof import("./control-deployment").controlDeployment;
  startRollback: typeof import("./start-rollback").startRollback;
  getProvider: typeof import("./get-provider").getProvider;
};

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
  svc = {
    ...(await import("./start-deployment")),
    ...(await import("./control-deployment")),
    ...(await import("./start-rollback")),
    ...(await import("./get-provider")),
  };
});

afterAll(async () => {
  await closeEngineTest({ stateDir, workers: worker ? [worker] : [] });
  await redis?.stop();
});

async function proxyUrl(target: { id: string; providerConfig: unknown }): Promise<string> {
  const status = await svc
    .getProvider("local")
    .getStatus({ target: { id: target.id, providerType: "local", providerConfig: target.providerConfig } });
  return new URL("/health", status.url!).toString();
}

async function deployAndWait(
  principal: Awaited<ReturnType<typeof createPrincipal>>,
  releaseId: string,
  environment: string,
  strategy?: "rolling" | "canary" | "blue_green",
) {
  const { id } = await svc.startDeployment({ principal, input: { releaseId, environment, strategy, waitForWindow: false } });
  // A deploy runs the eight-check smoke suite and the post-deploy checks: more than a bare health check.
  return waitForState(id, ["succeeded", "failed", "rolled_back", "aborted"], 60_000);
}

describe("rollout engine", () => {
  it("rolls out a first revision that then serves real traffic", async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service, target } = await createTarget({ strategy: "rolling" });
    const release = await createRelease(service.id, "1.0.0", principal.userId);
    const done = await deployAndWait(principal, release.id, environment.slug);
    expect(done.state, done.error ?? "").toBe("succeeded");
    expect(done.events.map((e) => e.type)).toEqual(expect.arrayContaining(["step_started", "traffic_set", "state_changed"]));
    const load = await sendRequests({ url: await proxyUrl(target), count: 100 });
    expect(load.failures).toBe(0);
    expect(load.byRevision).toEqual({ [done.revision!]: 100 });
  });

  it("moves real traffic through each canary step, then retires the old revision", async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service, target } = await createTarget({ strategy: "canary", canarySteps: [10, 50, 100], stepPauseSeconds: null });
    const v1 = await deployAndWait(principal, (await createRelease(service.id, "1.0.0", principal.userId)).id, environment.slug, "rolling");
    const { id } = await svc.startDeployment({
      principal,
      input: {
        releaseId: (await createRelease(service.id, "2.0.0", principal.userId)).id,
        environment: environment.slug,
        waitForWindow: false,
      },
    });
    for (const percent of [10, 50]) {
      const paused = await waitForState(id, ["paused"]);
      expect(paused.trafficPercent).toBe(percent);
      const load = await sendRequests({ url: await proxyUrl(target), count: 1_000 });
      expect(load.failures).toBe(0);
      const share = (100 * (load.byRevision[paused.revision!] ?? 0)) / 1_000;
      expect(Math.abs(share - percent), `v2 share ${share}% at the ${percent}% step`).toBeLessThanOrEqual(5);
      await svc.controlDeployment({ principal, id, control: "resume" });
    }
    const done = await waitForState(id, ["succeeded"]);
    const status = await svc
      .getProvider("local")
      .getStatus({ target: { id: target.id, providerType: "local", providerConfig: target.providerConfig } });
    expect(status.revisions.find((r) => r.name === v1.revision)?.state).toMatch(/stopped|exited|gone/);
    expect((await sendRequests({ url: await proxyUrl(target), count: 50 })).byRevision).toEqual({ [done.revision!]: 50 });
  });

  it("lets exactly one of two concurrent deploys of a target run; the other gets 409 with its id", async () => {
    const principal = await createPrincipal("admin");
    const { environment, service } = await createTarget({ strategy: "rolling" });
    const release = await createRelease(service.id, "1.0.0", principal.userId);
    const input = { releaseId: release.id, environment: environment.slug, waitForWindow: false };
    const results = await Promise.allSettled([svc.startDeployment({ principal, input }), svc.startDeployment({ principal, input })]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toMatchObject({ code: "conflict", extra: { deploymentId: ok[0]!.value.id } });
    await waitForState(ok[0]!.value.id, ["succeeded"]);
  });

  it("rolls back a running canary in one call: all traffic on the earlier revision within 2 s", async () => {
    const principal = await createPrincipal("oncall");
    const manager = await createPrincipal("release_manager");
    const { environment, service, target } = await createTarget({ strategy: "canary", stepPauseSeconds: null });
    const v1 = await deployAndWait(manager, (await createRelease(service.id, "1.0.0", manager.userId)).id, environment.slug, "rolling");
    const { id } = await svc.startDeployment({
      principal: manager,
      input: {
        releaseId: (await createRelease(service.id, "2.0.0", manager.userId)).id,
        environment: environment.slug,
        waitForWindow: false,
      },
    });
    await waitForState(id, ["paused"]);
    const clicked = performance.now();
    const { deploymentId } = await svc.startRollback({ principal, targetId: target.id, input: { reason: "error rate" } });
    // Traffic comes back first; the rollback then runs the smoke suite against the target before it completes.
    await waitUntil(
      async () => {
        const status = await svc
          .getProvider("local")
          .getStatus({ target: { id: target.id, providerType: "local", providerConfig: target.providerConfig } });
        if (status.revisions.find((r) => r.name === v1.revision)?.traffic !== 100) throw new Error("traffic not back yet");
      },
      { timeoutMs: 10_000, what: "all traffic back on v1" },
    );
    const seconds = (performance.now() - clicked) / 1000;
    expect(seconds).toBeLessThan(2);
    const rollback = await waitForState(deploymentId, ["succeeded"]);
    expect(rollback).toMatchObject({ kind: "rollback", revision: v1.revision, rollbackOfId: id });
    expect((await waitForState(id, ["aborted"])).error).toMatch(/pre-empted/);
    expect((await sendRequests({ url: await proxyUrl(target), count: 100 })).byRevision).toEqual({ [v1.revision!]: 100 });
  });

  it("switches blue-green under steady load without losing a request, keeping the old revision for rollback", async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service, target } = await createTarget({ strategy: "blue_green" });
    const v1 = await deployAndWait(principal, (await createRelease(service.id, "1.0.0", principal.userId)).id, environment.slug);
    const url = await proxyUrl(target);
    let stop = false;
    const load = { failures: 0, byRevision: {} as Record<string, number> };
    const lanes = Array.from({ length: 10 }, async () => {
      while (!stop) {
        const result = await sendRequests({ url, count: 20, concurrency: 1 });
        load.failures += result.failures;
        for (const [revision, n] of Object.entries(result.byRevision)) load.byRevision[revision] = (load.byRevision[revision] ?? 0) + n;
      }
    });
    const v2 = await deployAndWait(principal, (await createRelease(service.id, "2.0.0", principal.userId)).id, environment.slug);
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await Promise.all(lanes);
    expect(v2.state).toBe("succeeded");
    expect(load.failures).toBe(0);
    expect(load.byRevision[v1.revision!]).toBeGreaterThan(0);
    expect(load.byRevision[v2.revision!]).toBeGreaterThan(0);
    const status = await svc
      .getProvider("local")
      .getStatus({ target: { id: target.id, providerType: "local", providerConfig: target.providerConfig } });
    expect(status.revisions.find((r) => r.name === v1.revision)).toMatchObject({ state: "running", traffic: 0 });
  });

  it("aborts a canary back to the previous revision", async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service, target } = await createTarget({ strategy: "canary", stepPauseSeconds: null });
    const v1 = await deployAndWait(principal, (await createRelease(service.id, "1.0.0", principal.userId)).id, environment.slug, "rolling");
    const { id } = await svc.startDeployment({
      principal,
      input: {
        releaseId: (await createRelease(service.id, "2.0.0", principal.userId)).id,
        environment: environment.slug,
        waitForWindow: false,
      },
    });
    await waitForState(id, ["paused"]);
    await svc.controlDeployment({ principal, id, control: "abort" });
    expect((await waitForState(id, ["aborted"])).trafficPercent).toBe(0);
    expect((await sendRequests({ url: await proxyUrl(target), count: 100 })).byRevision).toEqual({ [v1.revision!]: 100 });
  });
  it("keeps a first deploy serving when it is aborted after it took traffic: there is nothing to take it back to", async () => {
    const principal = await createPrincipal("release_manager");
    // The documents' 6 checks over 30 s: long enough to abort during them.
    const { environment, service, target } = await createTarget({ strategy: "rolling", postDeploy: { checks: 6, seconds: 30 } });
    const release = await createRelease(service.id, "1.0.0", principal.userId);
    const { id } = await svc.startDeployment({
      principal,
      input: { releaseId: release.id, environment: environment.slug, waitForWindow: false },
    });
    // Aborted during the checks, once the first is recorded: at 100 % and stepping alone, the abort could land
    // before the validate job's first check, whose result would then follow the abort's final event.
    await waitUntil(
      async () => {
        const d = await getDb().deployment.findUniqueOrThrow({ where: { id } });
        if (d.trafficPercent !== 100 || d.state !== "stepping") throw new Error(`deployment is ${d.state} at ${d.trafficPercent} %`);
        const checks = await getDb().deploymentEvent.count({
          where: { deploymentId: id, type: "check_result", message: { contains: "(1/6)" } },
        });
        if (checks === 0) throw new Error("no post-deploy check recorded yet");
      },
      { timeoutMs: 60_000, what: "the post-deploy checks to start" },
    );
    await svc.controlDeployment({ principal, id, control: "abort" });
    const done = await waitForState(id, ["aborted"]);
    expect(done.trafficPercent).toBe(100);
    expect(done.events.at(-1)?.message).toContain(`no earlier revision to take traffic back to, so ${done.revision} keeps serving`);
    expect((await getDb().target.findUniqueOrThrow({ where: { id: target.id } })).currentRevision).toBe(done.revision);
    // The checks stop at the abort (the next one is 6 s later): their run ends, and nothing follows the final event.
    const postDeployRun = () => getDb().smokeRun.findFirstOrThrow({ where: { deploymentId: id, trigger: "post_deploy" } });
    await waitUntil(
      async () => {
        if ((await postDeployRun()).status === "running") throw new Error("the post-deploy run is still running");
      },
      { timeoutMs: 15_000, what: "the post-deploy checks to stop" },
    );
    expect(await postDeployRun()).toMatchObject({
      status: "error",
      summary: { error: expect.stringMatching(/^stopped: the deployment was /) },
    });
    const last = await getDb().deploymentEvent.findFirstOrThrow({ where: { deploymentId: id }, orderBy: { id: "desc" } });
    expect(last.message).toContain("keeps serving");
    const load = await sendRequests({ url: await proxyUrl(target), count: 50 });
    expect(load.failures).toBe(0);
    expect(load.byRevision).toEqual({ [done.revision!]: 50 });
  });
});
