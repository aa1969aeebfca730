// A real worker process against the run's database and Redis prefix: it registers its heartbeat, consumes
// validated jobs, refuses a malformed payload at pickup, and leaves cleanly on SIGTERM.
import { randomBytes } from "node:crypto";
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitUntil } from "@/lib/testing/own-redis";
import { type SpawnedWorker, spawnWorker } from "./testing/spawn-worker";

// A prefix of this file's own under the run's prefix, so the heartbeat count sees only this worker.
const prefix = `${process.env.REDIS_PREFIX ?? "fdtest"}:wp${randomBytes(2).toString("hex")}`;
process.env.REDIS_PREFIX = prefix;
process.env.WORKER_HEARTBEAT_TTL = "3";

const { enqueue, getQueue, closeQueues } = await import("@/lib/queue/enqueue");
const { countAliveWorkers, workersKey } = await import("@/lib/queue/heartbeat");
const { InvalidPayloadError } = await import("@/lib/queue/jobs");
const { pingJobId } = await import("@/lib/queue/job-id");
const { closeRedis, getReadyRedis } = await import("@/lib/redis");

let worker: SpawnedWorker;
let workerId = "";

async function finished(job: Job): Promise<Job> {
  let latest: Job | undefined;
  await waitUntil(
    async () => {
      latest = await getQueue("system.ping").getJob(job.id!);
      if (!latest?.finishedOn) throw new Error(`job ${job.id} not finished`);
    },
    { timeoutMs: 15_000, what: `job ${job.id}` },
  );
  return latest!;
}

async function alive(): Promise<number> {
  return countAliveWorkers({ redis: await getReadyRedis() });
}

beforeAll(async () => {
  worker = spawnWorker({ env: { REDIS_PREFIX: prefix, WORKER_HEARTBEAT_TTL: "3", DATABASE_URL: process.env.DATABASE_URL ?? "" } });
  await waitUntil(async () => expect(await alive()).toBe(1), { timeoutMs: 30_000, what: "worker heartbeat" }).catch((error: Error) => {
    throw new Error(`${error.message}\n--- worker output ---\n${worker.output()}`);
  });
});

afterAll(async () => {
  await worker?.stop("SIGKILL");
  const redis = await getReadyRedis();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await closeQueues();
  await closeRedis();
});

describe("worker process", () => {
  it("shows up in the alive-worker count with where it runs", async () => {
    const redis = await getReadyRedis();
    const [member] = await redis.zrange(workersKey(), "0", "-1");
    workerId = member!;
    // tsx runs the script in a child of the spawned process, so the pid is the id's, not child.pid.
    const info = await redis.hgetall(`${prefix}:worker:${workerId}`);
    expect(info).toMatchObject({ host: expect.any(String), version: expect.any(String), startedAt: expect.any(String) });
    expect(workerId).toBe(`${info.host}:${info.pid}:${workerId.split(":").at(-1)}`);
  });

  it("processes a system.ping enqueued through enqueue()", async () => {
    const nonce = randomBytes(6).toString("hex");
    const job = await enqueue("system.ping", { sentAt: new Date().toISOString(), nonce }, { jobId: pingJobId({ nonce }) });
    expect(job.id).toBe(`ping.${nonce}`);
    const done = await finished(job);
    expect(done.failedReason).toBeFalsy();
    expect(done.returnvalue).toMatchObject({ nonce, workerId, receivedAt: expect.any(String) });
  });

  it("refuses an invalid payload at enqueue, before it reaches Redis", async () => {
    const bad = { sentAt: "not a date", nonce: "x" };
    await expect(enqueue("system.ping", bad, { jobId: "ping:refused" })).rejects.toThrow(InvalidPayloadError);
    expect(await getQueue("system.ping").getJob("ping.refused")).toBeUndefined();
  });

  it("fails a job whose payload is invalid at pickup, once, with a clear reason, and keeps running", async () => {
    // Written straight into the queue, as an older producer or a hand-edited job would.
    const job = await getQueue("system.ping").add("system.ping", { nonce: 42 }, { jobId: "ping.malformed", attempts: 3 });
    const done = await finished(job);
    expect(done.failedReason).toMatch(/^Invalid system\.ping payload at pickup: sentAt: .*; nonce: /);
    expect(done.attemptsMade).toBe(1);
    expect(worker.child.exitCode).toBeNull();
  });

  it("leaves the alive-worker count and exits 0 on SIGTERM", async () => {
    const code = await worker.stop("SIGTERM");
    expect(code, worker.output()).toBe(0);
    expect(await alive()).toBe(0);
    expect(worker.output()).toMatch(/SIGTERM received/);
    expect(worker.output()).toMatch(/stopped/);
  });
});
