// What the UI hides, the server refuses, and a rollback that is stuck is superseded rather than refused: a
// newer rollback (to the same or another revision) ends the older one, naming itself, and proceeds, with one
// active deployment per target throughout. Real worker processes run the deploys and the last rollback.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { ROLLBACK_NOT_CONTROLLED } from "@/lib/domain/decide-control";
import { sendRequests } from "@/lib/providers/local/testing/send-requests";
import { createOwnRedis, type OwnRedis } from "@/lib/testing/own-redis";
import { type SpawnedWorker, spawnWorker } from "@/workers/testing/spawn-worker";
import { closeEngineTest, createPrincipal, createRelease, createTarget, waitForState } from "./testing/engine-fixtures";

const stateDir = mkdtempSync(path.join(tmpdir(), "fd-supersede-"));
let redis: OwnRedis;
const workers: SpawnedWorker[] = [];
const svc = {} as typeof import("./start-deployment") &
  typeof import("./start-rollback") &
  typeof import("./control-deployment") &
  typeof import("@/lib/services/record-backup") &
  typeof import("./get-provider");

const startWorker = () => {
  const env = { REDIS_URL: redis.url, REDIS_PREFIX: process.env.REDIS_PREFIX!, DATABASE_URL: process.env.DATABASE_URL! };
  const worker = spawnWorker({ env: { ...env, LOCAL_PROVIDER_STATE_DIR: stateDir } });
  workers.push(worker);
  return worker;
};

beforeAll(async () => {
  redis = await createOwnRedis();
  await redis.start();
  Object.assign(process.env, { REDIS_URL: redis.url, LOCAL_PROVIDER_STATE_DIR: stateDir });
  Object.assign(
    svc,
    await import("./start-deployment"),
    await import("./start-rollback"),
    await import("./control-deployment"),
    await import("@/lib/services/record-backup"),
    await import("./get-provider"),
  );
});

afterAll(async () => {
  await closeEngineTest({ stateDir, workers });
  await redis?.stop();
});

const activeOn = (targetId: string) =>
  getDb().deployment.findMany({ where: { targetId, activeTargetId: { not: null } }, select: { id: true } });

describe("superseding a rollback", () => {
  it("ends a stuck rollback when a newer one starts, to the same revision or another, and the newest proceeds", async () => {
    const manager = await createPrincipal("release_manager");
    const oncall = await createPrincipal("oncall");
    const { environment, service, target } = await createTarget({ strategy: "rolling" });
    const worker = startWorker();
    const deploy = async (version: string) => {
      const release = await createRelease(service.id, version, manager.userId);
      const input = { releaseId: release.id, environment: environment.slug, waitForWindow: false };
      return waitForState((await svc.startDeployment({ principal: manager, input })).id, ["succeeded"]);
    };
    const [v1, v2, v3] = [await deploy("1.0.0"), await deploy("2.0.0"), await deploy("3.0.0")];
    // No worker now: a rollback started stays queued, as one whose worker hangs or died would.
    await worker.stop();

    const first = await svc.startRollback({ principal: oncall, targetId: target.id, input: { reason: "3.0.0 errors" } });
    expect(first.supersedes).toBeNull();
    const second = await svc.startRollback({ principal: oncall, targetId: target.id, input: { reason: "still on 3.0.0" } });
    expect(second.supersedes).toBe(first.deploymentId);
    const older = await getDb().deployment.findUniqueOrThrow({ where: { id: first.deploymentId }, include: { events: true } });
    const newer = await getDb().deployment.findUniqueOrThrow({ where: { id: second.deploymentId } });
    expect(older).toMatchObject({ state: "aborted", activeTargetId: null, revision: v2.revision });
    expect(older.error).toContain(second.deploymentId);
    expect(older.events.map((e) => e.message).join("\n")).toMatch(
      new RegExp(`Superseded by a newer rollback to .* \\(${second.deploymentId}\\)`),
    );
    // Same revision by default; it still takes back what the first one took back.
    expect(newer).toMatchObject({ state: "queued", kind: "rollback", revision: v2.revision, replacesRevision: v3.revision });
    expect(await activeOn(target.id)).toEqual([{ id: second.deploymentId }]);

    const third = await svc.startRollback({ principal: oncall, targetId: target.id, input: { toRevision: v1.revision! } });
    expect(third.supersedes).toBe(second.deploymentId);
    expect(await activeOn(target.id)).toEqual([{ id: third.deploymentId }]);

    startWorker();
    const done = await waitForState(third.deploymentId, ["succeeded", "failed"]);
    // v1 was retired by the rolling deploys after it, so its release runs again under a new revision name.
    expect(done).toMatchObject({ state: "succeeded", releaseId: v1.releaseId });
    for (const id of [first.deploymentId, second.deploymentId])
      expect(await getDb().deployment.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "aborted", activeTargetId: null });
    const status = await svc
      .getProvider("local")
      .getStatus({ target: { id: target.id, providerType: "local", providerConfig: target.providerConfig } });
    const served = await sendRequests({ url: new URL("/health", status.url!).toString(), count: 50 });
    expect(served.byRevision).toEqual({ [done.revision!]: 50 });
  }, 120_000);
});

describe("what the UI hides, the server refuses", () => {
  it("refuses pause, resume, promote and abort of a rollback with the lifecycle's reason, changing nothing", async () => {
    const oncall = await createPrincipal("oncall");
    const { service, target } = await createTarget({ strategy: "rolling" });
    const release = await createRelease(service.id, "1.0.0", oncall.userId);
    // A rollback moving traffic, written as the engine would leave it; no worker runs here to move it on.
    const rollback = await getDb().deployment.create({
      data: {
        releaseId: release.id,
        targetId: target.id,
        activeTargetId: target.id,
        kind: "rollback",
        strategy: "blue_green",
        state: "stepping",
        plan: [
          { kind: "start_revision" },
          { kind: "verify" },
          { kind: "set_traffic", percent: 100 },
          { kind: "finalize", keepPrevious: true },
        ],
        currentStep: 2,
        revision: "r1",
      },
    });
    try {
      for (const control of ["pause", "resume", "promote", "abort"] as const) {
        const refused = svc.controlDeployment({ principal: oncall, id: rollback.id, control });
        await expect(refused).rejects.toMatchObject({
          code: "conflict",
          message: `Cannot ${control} this deployment: ${ROLLBACK_NOT_CONTROLLED}`,
        });
      }
      const after = await getDb().deployment.findUniqueOrThrow({ where: { id: rollback.id }, include: { events: true } });
      expect(after).toMatchObject({ state: "stepping", generation: 0, currentStep: 2, activeTargetId: target.id });
      expect(after.events).toEqual([]);
    } finally {
      await getDb().deployment.update({ where: { id: rollback.id }, data: { state: "aborted", activeTargetId: null } });
    }
  });

  it("refuses a developer's production backup (403 naming deploy.production) and records a release manager's", async () => {
    const developer = await createPrincipal("developer");
    const manager = await createPrincipal("release_manager");
    const { service, target } = await createTarget({ strategy: "rolling", production: true });
    const release = await createRelease(service.id, "1.0.0", developer.userId);
    const input = { releaseId: release.id, note: "pg_dump to s3://backups/prod" };
    const before = await getDb().backup.count({ where: { targetId: target.id } });
    await expect(svc.recordBackup({ principal: developer, targetId: target.id, input })).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringContaining('"deploy.production" permission'),
    });
    expect(await getDb().backup.count({ where: { targetId: target.id } })).toBe(before);
    await expect(svc.recordBackup({ principal: manager, targetId: target.id, input })).resolves.toMatchObject({ targetId: target.id });
    expect(await getDb().backup.count({ where: { targetId: target.id } })).toBe(before + 1);
  });

  it("lets a developer record a backup where they may deploy (outside production)", async () => {
    const developer = await createPrincipal("developer");
    const { service, target } = await createTarget({ strategy: "rolling" });
    const release = await createRelease(service.id, "1.0.0", developer.userId);
    const input = { releaseId: release.id, note: "pg_dump to s3://backups/staging" };
    await expect(svc.recordBackup({ principal: developer, targetId: target.id, input })).resolves.toMatchObject({ targetId: target.id });
  });
});
