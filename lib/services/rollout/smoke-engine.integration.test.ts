// Smoke runs end to end: a real worker runs deployments against sample-service processes of the local
// provider. The suite runs against each new revision before traffic (a failure reverts with the check
// named, the bad revision never served a request through the target's proxy), after a rollback (a failure
// is raised, never undone), and on request through POST /api/v1/smoke-runs.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { sendRequests } from "@/lib/providers/local/testing/send-requests";
import { callRoute } from "@/lib/testing/catalog-fixtures";
import { createOwnRedis, waitUntil, type OwnRedis } from "@/lib/testing/own-redis";
import { createPerson, type Person } from "@/lib/testing/release-fixtures";
import { type SpawnedWorker, spawnWorker } from "@/workers/testing/spawn-worker";
import { closeEngineTest, createPrincipal, createRelease, createTarget, waitForState } from "./testing/engine-fixtures";

const stateDir = mkdtempSync(path.join(tmpdir(), "fd-smoke-engine-"));
let redis: OwnRedis;
let worker: SpawnedWorker;
let svc: {
  startDeployment: typeof import("./start-deployment").startDeployment;
  startRollback: typeof import("./start-rollback").startRollback;
  getProvider: typeof import("./get-provider").getProvider;
  smokeRunsRoute: typeof import("@/app/api/v1/smoke-runs/route");
  smokeRunRoute: typeof import("@/app/api/v1/smoke-runs/[id]/route");
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
    ...(await import("./start-rollback")),
    ...(await import("./get-provider")),
    smokeRunsRoute: await import("@/app/api/v1/smoke-runs/route"),
    smokeRunRoute: await import("@/app/api/v1/smoke-runs/[id]/route"),
  };
});

afterAll(async () => {
  await closeEngineTest({ stateDir, workers: worker ? [worker] : [] });
  await redis?.stop();
});

type Principal = Awaited<ReturnType<typeof createPrincipal>>;

async function deployAndWait(principal: Principal, releaseId: string, environment: string, strategy?: "rolling" | "canary") {
  const { id } = await svc.startDeployment({ principal, input: { releaseId, environment, strategy, waitForWindow: false } });
  return waitForState(id, ["succeeded", "failed", "rolled_back", "aborted"], 60_000);
}

const runsOf = (deploymentId: string) =>
  getDb().smokeRun.findMany({
    where: { deploymentId },
    orderBy: { startedAt: "asc" },
    include: { results: { orderBy: { position: "asc" } } },
  });

const providerTarget = (target: { id: string; providerConfig: unknown }) => ({
  id: target.id,
  providerType: "local" as const,
  providerConfig: target.providerConfig,
});

describe("the smoke suite in a rollout", () => {
  it("runs all eight checks against a good revision before it gets traffic, then the post-deploy checks", async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service } = await createTarget({ strategy: "rolling" });
    const done = await deployAndWait(principal, (await createRelease(service.id, "1.0.0", principal.userId)).id, environment.slug);
    expect(done.state, done.error ?? "").toBe("succeeded");
    const [pre, post, ...rest] = await runsOf(done.id);
    expect(rest).toEqual([]);
    expect(pre).toMatchObject({ trigger: "pre_traffic", status: "passed", revision: done.revision, releaseId: done.releaseId });
    expect(pre!.results.map((r) => r.status)).toEqual(Array(8).fill("passed"));
    expect(pre!.results.map((r) => r.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(post).toMatchObject({ trigger: "post_deploy", status: "passed" });
    expect(post!.results.map((r) => r.name)).toEqual(["Health check (1/2)", "Health check (2/2)"]);
    // The live timeline shows each check, and the pre-traffic ones come before any traffic moved.
    const types = done.events.map((e) => e.type);
    expect(done.events.filter((e) => e.type === "check_result")).toHaveLength(10);
    expect(types.indexOf("check_result")).toBeLessThan(types.indexOf("traffic_set"));
  });

  it("rolls a canary of a bad release back before it gets traffic: the check is named, the proxy counted zero requests", async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service, target } = await createTarget({ strategy: "canary", canarySteps: [10, 100], stepPauseSeconds: null });
    const v1 = await deployAndWait(principal, (await createRelease(service.id, "1.0.0", principal.userId)).id, environment.slug, "rolling");
    expect(v1.state, v1.error ?? "").toBe("succeeded");
    const bad = await createRelease(service.id, "2.0.0", principal.userId);
    await getDb().release.update({ where: { id: bad.id }, data: { env: { BROKEN_TOOLS: "list_repos" } } });
    const v2 = await deployAndWait(principal, bad.id, environment.slug, "canary");
    expect(v2.state).toBe("rolled_back");
    expect(v2.error).toMatch(/^Smoke check 'List repositories tool' failed: /);
    expect(v2.events.map((e) => e.message).join("\n")).toContain("Smoke check 'List repositories tool' failed");
    expect(v2.events.some((e) => e.type === "traffic_set")).toBe(false);
    const [run] = await runsOf(v2.id);
    expect(run).toMatchObject({ trigger: "pre_traffic", status: "failed", revision: v2.revision });
    expect(run!.results.filter((r) => r.status === "failed").map((r) => r.name)).toEqual(["List repositories tool"]);

    // Traffic through the target reaches v1 only; the bad revision's proxy counter stays at zero although the
    // suite did call it (on its own URL).
    const load = await sendRequests({
      url: new URL("/health", (await svc.getProvider("local").getStatus({ target: providerTarget(target) })).url!).toString(),
      count: 20,
    });
    expect(load.byRevision).toEqual({ [v1.revision!]: 20 });
    const metrics = await svc.getProvider("local").getRevisionMetrics!({ target: providerTarget(target) });
    const badCounter = metrics.revisions.find((r) => r.revision === v2.revision);
    expect(badCounter).toBeDefined();
    expect(badCounter!.requests).toBe(0);
    expect(metrics.revisions.find((r) => r.revision === v1.revision)!.requests).toBeGreaterThanOrEqual(20);
    expect(run!.results.reduce((n, r) => n + (r.detail as { requests: number }).requests, 0)).toBeGreaterThan(0);
  });

  it("runs the suite after a rollback; a failure is raised loudly and the rollback stays", async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service, target } = await createTarget({ strategy: "rolling" });
    const v1 = await deployAndWait(principal, (await createRelease(service.id, "1.0.0", principal.userId)).id, environment.slug);
    const v2 = await deployAndWait(principal, (await createRelease(service.id, "2.0.0", principal.userId)).id, environment.slug);
    expect([v1.state, v2.state]).toEqual(["succeeded", "succeeded"]);
    // A check no revision passes: the revision rolled back to fails its post-rollback run.
    const suite = { checks: [{ kind: "http", name: "Teapot", path: "/health", expectStatus: 418 }] };
    await getDb().service.update({ where: { id: service.id }, data: { smokeSuite: suite } });
    const { deploymentId } = await svc.startRollback({ principal, targetId: target.id, input: { reason: "smoke test" } });
    const rollback = await waitForState(deploymentId, ["succeeded", "failed", "rolled_back"], 60_000);
    expect(rollback.state, rollback.error ?? "").toBe("succeeded");
    const errors = rollback.events.filter((e) => e.type === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(
      /Smoke suite failed after the rollback .*Smoke check 'Teapot' failed: .*The rollback stays in place/,
    );
    const [run, ...rest] = await runsOf(deploymentId);
    expect(rest).toEqual([]);
    expect(run).toMatchObject({ trigger: "post_rollback", status: "failed" });
    const status = await svc.getProvider("local").getStatus({ target: providerTarget(target) });
    expect(status.revisions.find((r) => r.name === rollback.revision)?.traffic).toBe(100);
    expect((await getDb().target.findUniqueOrThrow({ where: { id: target.id } })).currentRevision).toBe(rollback.revision);
  });
});

describe("POST /api/v1/smoke-runs", () => {
  let oncall: Person;
  let developer: Person;
  beforeAll(async () => {
    oncall = await createPerson("oncall", "Olive Oncall");
    developer = await createPerson("developer", "Dev Developer");
  });

  it("runs the suite against a target's current revision for oncall (202), and a worker completes it", async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service, target } = await createTarget({ strategy: "rolling" });
    const v1 = await deployAndWait(principal, (await createRelease(service.id, "1.0.0", principal.userId)).id, environment.slug);
    expect(v1.state).toBe("succeeded");
    const started = await callRoute(svc.smokeRunsRoute.POST, { as: oncall, body: { targetId: target.id } });
    expect(started.status).toBe(202);
    const id = started.body.id as string;
    expect(await getDb().auditEvent.count({ where: { action: "smoke_run.start", subjectId: id } })).toBe(1);
    await waitUntil(
      async () => {
        const run = await getDb().smokeRun.findUniqueOrThrow({ where: { id } });
        if (run.status === "running") throw new Error("still running");
      },
      { timeoutMs: 30_000, what: `smoke run ${id} to finish` },
    );
    const read = await callRoute(svc.smokeRunRoute.GET, { as: developer, params: { id } });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, trigger: "manual", status: "passed", revision: v1.revision, release: { id: v1.releaseId } });
    expect(read.body.results).toHaveLength(8);
    const history = await callRoute(svc.smokeRunsRoute.GET, { as: developer, query: `?service=${service.slug}&limit=50` });
    expect(history.body.items.map((r: { id: string }) => r.id)).toContain(id);
  });

  it("refuses a developer (403) and bad input (422 naming the field), storing nothing", async () => {
    const { service, target } = await createTarget({ strategy: "rolling" });
    const count = () => getDb().smokeRun.count({ where: { serviceId: service.id } });
    const forbidden = await callRoute(svc.smokeRunsRoute.POST, { as: developer, body: { targetId: target.id } });
    expect(forbidden.status).toBe(403);
    const cases: [unknown, string][] = [
      [{ url: "file:///etc/passwd", service: service.slug }, "body.url"],
      [{ url: "ftp://example.com/", service: service.slug }, "body.url"],
      [{ targetId: "no-such-target" }, "body.targetId"],
      [{ url: "http://127.0.0.1:9/", service: "svc\u0000x" }, "body.service"],
      [{ url: "http://127.0.0.1:9/", service: "no-such-service" }, "body.service"],
      [{ url: "http://127.0.0.1:9/" }, "body.service"],
    ];
    for (const [body, field] of cases) {
      const answer = await callRoute(svc.smokeRunsRoute.POST, { as: oncall, body });
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    expect(await count()).toBe(0);
  });
});
