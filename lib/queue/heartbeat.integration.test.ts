// Heartbeat bookkeeping against the run's Redis, under a prefix of this file's own.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";

process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX ?? "fdtest"}:hb${randomBytes(2).toString("hex")}`;
const prefix = process.env.REDIS_PREFIX;

const { beat, countAliveWorkers, removeWorker, startHeartbeat, workerInfoKey, workersKey } = await import("./heartbeat");
const { closeRedis, getReadyRedis } = await import("@/lib/redis");

const info = { host: "test-host", pid: 1, startedAt: new Date().toISOString(), version: "0.0.0" };

afterAll(async () => {
  const redis = await getReadyRedis();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await closeRedis();
});

describe("worker heartbeats", () => {
  it("counts workers that beat within the TTL and prunes the ones that did not", async () => {
    const redis = await getReadyRedis();
    await beat({ redis, workerId: "w-fresh", info, ttlSeconds: 5 });
    // A worker killed without shutdown: its last beat is older than the TTL.
    await redis.zadd(workersKey(), Date.now() - 60_000, "w-dead");
    expect(await countAliveWorkers({ redis, ttlSeconds: 5 })).toBe(1);
    expect(await redis.zscore(workersKey(), "w-dead")).toBeNull();
    expect(await redis.hget(workerInfoKey("w-fresh"), "host")).toBe("test-host");
    expect(await redis.ttl(workerInfoKey("w-fresh"))).toBeGreaterThan(0);
    await removeWorker({ redis, workerId: "w-fresh" });
    expect(await countAliveWorkers({ redis, ttlSeconds: 5 })).toBe(0);
    expect(await redis.exists(workerInfoKey("w-fresh"))).toBe(0);
  });

  it("beats at once and removes itself on stop", async () => {
    const redis = await getReadyRedis();
    const heartbeat = startHeartbeat({ redis, workerId: "w-loop", info, ttlSeconds: 3 });
    await expect.poll(() => countAliveWorkers({ redis, ttlSeconds: 3 }), { timeout: 3_000 }).toBe(1);
    await heartbeat.stop();
    expect(await countAliveWorkers({ redis, ttlSeconds: 3 })).toBe(0);
  });
});
