// Crash tests of the rollout engine. A worker is SIGKILLed at every step of a canary — before the provider
// call, after the call but before it is recorded, and after the step but before its outcome is recorded —
// and a new worker finishes the rollout without repeating a provider side effect. Then Redis is flushed
// mid-rollout and the reconciler resumes it from Postgres. Redis here is a private instance.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { planRollout } from "@/lib/domain/plan-rollout";
import { createOwnRedis, type OwnRedis } from "@/lib/testing/own-redis";
import { type SpawnedWorker, spawnWorker } from "@/workers/testing/spawn-worker";
import { closeEngineTest, createPrincipal, createRelease, createTarget, waitForState } from "./testing/engine-fixtures";

const stateDir = mkdtempSync(path.join(tmpdir(), "fd-faults-"));
let redis: OwnRedis;
let startDeployment: typeof import("./start-deployment").startDeployment;
const workers: SpawnedWorker[] = [];

function startWorker(extra: Record<string, string> = {}): SpawnedWorker {
  const worker = spawnWorker({
    env: {
      REDIS_URL: redis.url,
      REDIS_PREFIX: process.env.REDIS_PREFIX!,
      DATABASE_URL: process.env.DATABASE_URL!,
      LOCAL_PROVIDER_STATE_DIR: stateDir,
      DEPLOY_JOB_LOCK_MS: "2000",
      RECONCILE_INTERVAL_MS: "1000",
      ...extra,
    },
  });
  workers.push(worker);
  return worker;
}

beforeAll(async () => {
  redis = await createOwnRedis();
  await redis.start();
  Object.assign(process.env, { REDIS_URL: redis.url, LOCAL_PROVIDER_STATE_DIR: stateDir });
  ({ startDeployment } = await import("./start-deployment"));
});

afterAll(async () => {
  await closeEngineTest({ stateDir, workers });
  await redis?.stop();
});

/** How many times a revision's process was started: the sample service logs one line per start. */
function processStarts(targetId: string, revision: string): number {
  const log = readFileSync(path.join(stateDir, `${targetId}.${revision}.log`), "utf8");
  return log.split("\n").filter((line) => line.includes("listening on")).length;
}

describe("rollout engine under crashes", () => {
  it("finishes a canary whose worker is SIGKILLed at every step, repeating no provider side effect", { timeout: 240_000 }, async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service, target } = await createTarget({ strategy: "canary", canarySteps: [10, 50, 100], stepPauseSeconds: 1 });
    const steps = planRollout({ strategy: "canary", canarySteps: [10, 50, 100], stepPauseSeconds: 1 });
    if (!steps.ok) throw new Error(steps.reason);
    const first = startWorker();
    const v1 = await startDeployment({
      principal,
      input: {
        releaseId: (await createRelease(service.id, "1.0.0", principal.userId)).id,
        environment: environment.slug,
        strategy: "rolling",
        waitForWindow: false,
      },
    });
    await waitForState(v1.id, ["succeeded"]);
    await first.stop();

    const { id } = await startDeployment({
      principal,
      input: {
        releaseId: (await createRelease(service.id, "2.0.0", principal.userId)).id,
        environment: environment.slug,
        waitForWindow: false,
      },
    });
    const trafficPhases = ["before_call", "unrecorded", "after_call"] as const;
    let trafficStep = 0;
    const killedAt: string[] = [];
    for (const [index, step] of steps.steps.entries()) {
      // The worst moment for a side effect is "unrecorded" (made, not yet marked done): the process start
      // and the retirement get it; the traffic steps get each moment in turn; verify and pause call nothing.
      const phase =
        step.kind === "start_revision" || step.kind === "finalize"
          ? "unrecorded"
          : step.kind === "set_traffic"
            ? trafficPhases[trafficStep++ % trafficPhases.length]!
            : "after_call";
      const worker = startWorker({ FLIGHTDECK_FAULT_KILL_AT: `${index}:${phase}` });
      // tsx runs the worker in a child process and reports a SIGKILL of it as exit code 137 (128 + 9).
      const killed = new Promise<string>((resolve) =>
        worker.child.once("exit", (code, signal) => resolve(signal === "SIGKILL" || code === 137 ? "SIGKILL" : `exit ${code ?? signal}`)),
      );
      const exit = await Promise.race([
        killed,
        waitForState(id, ["succeeded", "rolled_back", "failed", "aborted"], 60_000).then(() => "finished"),
      ]);
      killedAt.push(`${index}:${phase}:${exit}`);
      if (exit === "finished") break;
    }
    const survivor = startWorker();
    const done = await waitForState(id, ["succeeded", "rolled_back"], 60_000);
    await survivor.stop();

    expect(done.state, done.error ?? "").toBe("succeeded");
    expect(killedAt.filter((k) => k.endsWith("SIGKILL")).length, killedAt.join(", ")).toBe(steps.steps.length);
    // The new revision's process was started exactly once although start_revision ran twice or more.
    expect(processStarts(target.id, done.revision!)).toBe(1);
    const calls = await getDb().providerCall.findMany({ where: { deploymentId: id }, orderBy: { createdAt: "asc" } });
    expect(calls.map((c) => c.operation)).toEqual([
      "start_revision",
      "set_traffic_10",
      "set_traffic_50",
      "set_traffic_100",
      "stop_previous",
    ]);
    expect(calls.every((c) => c.status === "done")).toBe(true);
  });

  it("resumes a rollout within 10 s after FLUSHALL wiped its queued job", { timeout: 120_000 }, async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service } = await createTarget({ strategy: "canary", canarySteps: [50, 100], stepPauseSeconds: 4 });
    const worker = startWorker();
    const v1 = await startDeployment({
      principal,
      input: {
        releaseId: (await createRelease(service.id, "1.0.0", principal.userId)).id,
        environment: environment.slug,
        strategy: "rolling",
        waitForWindow: false,
      },
    });
    await waitForState(v1.id, ["succeeded"]);
    const { id } = await startDeployment({
      principal,
      input: {
        releaseId: (await createRelease(service.id, "2.0.0", principal.userId)).id,
        environment: environment.slug,
        waitForWindow: false,
      },
    });
    // Wait for the timed analysis pause: its delayed job lives only in Redis.
    await expect
      .poll(async () => (await getDb().deployment.findUniqueOrThrow({ where: { id } })).resumeAt, { timeout: 30_000 })
      .not.toBeNull();
    const { Redis } = await import("ioredis");
    const admin = new Redis(redis.url);
    await admin.flushall();
    admin.disconnect();
    const flushedAt = new Date();
    const resumed = await waitForState(id, ["succeeded"], 30_000);
    const reconciled = resumed.events.find(
      (e) => e.type === "decision" && e.message.startsWith("Reconciler resumed") && e.createdAt >= flushedAt,
    );
    expect(reconciled, "the reconciler resumed the rollout").toBeDefined();
    expect(reconciled!.createdAt.getTime() - flushedAt.getTime()).toBeLessThan(10_000);
    await worker.stop();
  });
});
