// The demo's Cloud Run part end to end: the test server with real revisions, the Cloud Run target it seeds
// for a service, and the demo start deploying that service's release there through a real worker.
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CloudRunProvider } from "@/lib/providers/cloudrun/cloud-run-provider";
import { cloudRunTarget } from "@/lib/providers/cloudrun/testing/cloud-run-target";
import { versionAt } from "@/lib/providers/cloudrun/testing/cloud-run-test-fixtures";
import {
  closeEngineTest,
  createPrincipal,
  createRelease,
  createTarget,
  waitForState,
} from "@/lib/services/rollout/testing/engine-fixtures";
import { createOwnRedis, type OwnRedis } from "@/lib/testing/own-redis";
import { type SpawnedWorker, spawnWorker } from "@/workers/testing/spawn-worker";
import type { CloudRunTestServer } from "@/lib/providers/cloudrun/testing/start-cloud-run-test-server";
import { seedDemoCloudRunTarget, startDemoCloudRun } from "./demo-cloud-run";
import { root } from "./run-step";

let redis: OwnRedis;
let server: CloudRunTestServer;
let worker: SpawnedWorker;
const provider = new CloudRunProvider();

beforeAll(async () => {
  redis = await createOwnRedis();
  await redis.start();
  process.env.REDIS_URL = redis.url;
  server = await startDemoCloudRun();
  worker = spawnWorker({
    env: { REDIS_URL: redis.url, REDIS_PREFIX: process.env.REDIS_PREFIX!, DATABASE_URL: process.env.DATABASE_URL! },
  });
});

afterAll(async () => {
  await closeEngineTest({ stateDir: path.join(root, ".tmp/local-provider-unused"), workers: worker ? [worker] : [] });
  await provider.close();
  await server?.stop();
  await rm(path.join(root, ".tmp/cloudrun-demo"), { recursive: true, force: true });
  await redis?.stop();
});

it("seeds a Cloud Run target of a service and the demo start deploys its release there", async () => {
  const admin = await createPrincipal("admin");
  // A service with a release, as the seed leaves one (its local target is not the point here).
  const { service } = await createTarget({ strategy: "rolling" });
  await createRelease(service.id, "1.4.0", admin.userId);
  const seeded = await seedDemoCloudRunTarget({ server: server, serviceSlug: service.slug });
  // Seeding twice (a second demo start) points the same target at the server again.
  expect((await seedDemoCloudRunTarget({ server: server, serviceSlug: service.slug })).targetId).toBe(seeded.targetId);
  const { bootstrapDemoTargets } = await import("./bootstrap-demo-targets");
  const started = await bootstrapDemoTargets({ adminEmail: admin.email, targetIds: [seeded.targetId] });
  expect(started).toEqual([`${service.slug}/cloud-run`]);
  const deployment = await db.deployment.findFirstOrThrow({ where: { targetId: seeded.targetId } });
  const done = await waitForState(deployment.id, ["succeeded", "failed", "rolled_back"], 90_000);
  expect(done.state, done.error ?? "").toBe("succeeded");
  const status = await provider.getStatus({ target: cloudRunTarget({ server: server, service: service.slug, id: seeded.targetId }) });
  expect(await versionAt(status.url!)).toEqual({ version: "1.4.0", revision: `${service.slug}-${done.revision}` });
}, 120_000);
