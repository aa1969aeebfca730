// The demo opens on live services: a local or Kubernetes target whose seeded release serves nothing is
// deployed through the engine by a real worker, once; a target that serves already is left alone.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { seedKubeTarget } from "@/lib/providers/kubernetes/testing/kube-target-fixtures";
import { startTestCluster, type TestCluster } from "@/lib/providers/kubernetes/testing/start-test-cluster";
import {
  closeEngineTest,
  createPrincipal,
  createRelease,
  createTarget,
  waitForState,
} from "@/lib/services/rollout/testing/engine-fixtures";
import { type SpawnedWorker, spawnWorker } from "@/workers/testing/spawn-worker";

const stateDir = mkdtempSync(path.join(tmpdir(), "fd-bootstrap-"));
process.env.LOCAL_PROVIDER_STATE_DIR = stateDir;
const { bootstrapDemoTargets } = await import("./bootstrap-demo-targets");
let worker: SpawnedWorker;
let cluster: TestCluster;

beforeAll(async () => {
  cluster = await startTestCluster({ stateDir: path.join(stateDir, "cluster"), podMode: "process" });
  worker = spawnWorker({
    env: { REDIS_PREFIX: process.env.REDIS_PREFIX!, DATABASE_URL: process.env.DATABASE_URL!, LOCAL_PROVIDER_STATE_DIR: stateDir },
  });
});
afterAll(async () => {
  await closeEngineTest({ stateDir, workers: [worker] });
  await cluster?.stop();
});

describe("bootstrapDemoTargets", () => {
  it("deploys the seeded release of an idle local target once", async () => {
    const admin = await createPrincipal("admin");
    const { service, target } = await createTarget({ strategy: "canary" });
    const release = await createRelease(service.id, "1.2.0", admin.userId);
    await getDb().target.update({
      where: { id: target.id },
      data: { currentReleaseId: release.id, currentRevision: "seeded-revision-that-never-ran" },
    });
    expect(await bootstrapDemoTargets({ adminEmail: admin.email, targetIds: [target.id] })).toEqual([
      `${service.slug}/${(await getDb().environment.findFirstOrThrow({ where: { targets: { some: { id: target.id } } } })).slug}`,
    ]);
    const deployment = await getDb().deployment.findFirstOrThrow({ where: { targetId: target.id } });
    const done = await waitForState(deployment.id, ["succeeded"]);
    expect(done).toMatchObject({ strategy: "rolling", releaseId: release.id, replacesRevision: null });
    expect(await bootstrapDemoTargets({ adminEmail: admin.email, targetIds: [target.id] })).toEqual([]);
    expect(await getDb().auditEvent.count({ where: { action: "demo.target_started", subjectId: target.id } })).toBe(1);
  });

  it("deploys the seeded release of an idle Kubernetes target, as the demo's cluster target is", async () => {
    const admin = await createPrincipal("admin");
    const seed = await seedKubeTarget({ cluster });
    const { service, target } = await createTarget({ strategy: "rolling", kubernetes: seed.config });
    const release = await createRelease(service.id, "1.3.0", admin.userId);
    await getDb().target.update({ where: { id: target.id }, data: { currentReleaseId: release.id } });
    expect(await bootstrapDemoTargets({ adminEmail: admin.email, targetIds: [target.id] })).toHaveLength(1);
    const deployment = await getDb().deployment.findFirstOrThrow({ where: { targetId: target.id } });
    expect((await waitForState(deployment.id, ["succeeded", "failed", "rolled_back"], 60_000)).state).toBe("succeeded");
    expect(await bootstrapDemoTargets({ adminEmail: admin.email, targetIds: [target.id] })).toEqual([]);
  });
});
