// Releases carry their configuration: the env given to POST /releases is stored, read back with the
// release, and handed by the rollout engine to the provider, so a release recorded with ERROR_RATE=1 really
// fails requests once deployed through the local provider (a real worker and real revision processes).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createReleaseBody } from "@/lib/schemas/releases";
import { createOwnRedis, type OwnRedis } from "@/lib/testing/own-redis";
import { type SpawnedWorker, spawnWorker } from "@/workers/testing/spawn-worker";
import { createRelease } from "./create-release";
import { getReleaseDetail } from "./get-release-detail";
import { closeEngineTest, createPrincipal, createTarget, waitForState } from "./rollout/testing/engine-fixtures";

const stateDir = mkdtempSync(path.join(tmpdir(), "fd-release-env-"));
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

describe("a release's env", () => {
  it("is stored, returned with the release, and handed to the revision: ERROR_RATE=1 fails every request", async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service, target } = await createTarget({ strategy: "rolling" });
    // With its smoke suite, this release would be rolled back before it serves (its MCP answers 500): this
    // test is about the env reaching the process, so the service has no suite and the deploy only checks
    // /health, which this release keeps up.
    await getDb().service.update({ where: { id: service.id }, data: { smokeSuite: [] } });
    await getDb().target.update({ where: { id: target.id }, data: { postDeployChecks: 2, postDeploySeconds: 1 } });
    const input = createReleaseBody.parse({
      service: service.slug,
      version: "6.6.6",
      image: "sample:6.6.6",
      digest: `sha256:${"6".repeat(64)}`,
      env: { ERROR_RATE: "1", LOG_LEVEL: "debug" },
    });
    const release = await createRelease({ principal, input });
    expect(release.env).toEqual({ ERROR_RATE: "1", LOG_LEVEL: "debug" });
    expect((await getReleaseDetail({ principal, id: release.id })).release.env).toEqual({ ERROR_RATE: "1", LOG_LEVEL: "debug" });
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "release.created", subjectId: release.id } });
    expect(audit.details).toMatchObject({ env: { ERROR_RATE: "1" } });

    const { startDeployment } = await import("./rollout/start-deployment");
    const { getProvider } = await import("./rollout/get-provider");
    const { id } = await startDeployment({
      principal,
      input: { releaseId: release.id, environment: environment.slug, waitForWindow: false },
    });
    const done = await waitForState(id, ["succeeded", "failed", "rolled_back", "aborted"], 60_000);
    // /health stays up on this bad release (its errors are in the business endpoints), so it deploys.
    expect(done.state, done.error ?? "").toBe("succeeded");
    const status = await getProvider("local").getStatus({
      target: { id: target.id, providerType: "local", providerConfig: target.providerConfig },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await fetch(new URL("/work", status.url!))).status);
    expect(statuses).toEqual(Array(10).fill(500));
    expect((await fetch(new URL("/health", status.url!))).status).toBe(200);
  });
});
