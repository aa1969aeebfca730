// Worker heartbeats in Redis: a sorted set `<prefix>:workers` (member = worker id, score = last beat in
// ms) plus a small hash per worker with where it runs. Times come from Redis' own clock so that hosts
// with skewed clocks still agree on who is alive.
import type { Redis } from "ioredis";
import { env } from "@/lib/env";
import { waitForReady } from "./connection";

export type WorkerInfo = {
  host: string;
  pid: number;
  startedAt: string;
  version: string;
  /** vitals, refreshed at each beat when the worker provides them: resident memory, event-loop lag, CPU time since start */
  rssMb?: number;
  eventLoopLagP99Ms?: number;
  cpuMs?: number;
};

export function workersKey(prefix = env().REDIS_PREFIX): string {
  return `${prefix}:workers`;
}

export function workerInfoKey(workerId: string, prefix = env().REDIS_PREFIX): string {
  return `${prefix}:worker:${workerId}`;
}

async function redisNowMs(redis: Redis): Promise<number> {
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

/** Records one beat. The info hash expires with the TTL, so a killed worker leaves nothing behind for long. */
export async function beat({
  redis,
  workerId,
  info,
  ttlSeconds = env().WORKER_HEARTBEAT_TTL,
}: {
  redis: Redis;
  workerId: string;
  info: WorkerInfo;
  ttlSeconds?: number;
}): Promise<void> {
  const now = await redisNowMs(redis);
  await redis
    .multi()
    .zadd(workersKey(), now, workerId)
    .hset(workerInfoKey(workerId), {
      ...Object.fromEntries(Object.entries(info).map(([k, v]) => [k, String(v)])),
      lastBeatAt: new Date(now).toISOString(),
    })
    .expire(workerInfoKey(workerId), ttlSeconds)
    .exec();
}

/** Removes a worker at once (graceful shutdown), instead of waiting for its TTL to run out. */
export async function removeWorker({ redis, workerId }: { redis: Redis; workerId: string }): Promise<void> {
  await redis.multi().zrem(workersKey(), workerId).del(workerInfoKey(workerId)).exec();
}

/** Workers that beat within the TTL; prunes the ones that did not (crashed or killed without shutdown). */
export async function countAliveWorkers({
  redis,
  ttlSeconds = env().WORKER_HEARTBEAT_TTL,
}: {
  redis: Redis;
  ttlSeconds?: number;
}): Promise<number> {
  const cutoff = (await redisNowMs(redis)) - ttlSeconds * 1000;
  const [, counted] = (await redis.multi().zremrangebyscore(workersKey(), "-inf", `(${cutoff}`).zcard(workersKey()).exec()) ?? [];
  if (counted?.[0]) throw counted[0];
  return Number(counted?.[1] ?? 0);
}

export type Heartbeat = { stop: () => Promise<void> };

/**
 * Beats now and then every third of the TTL, so two beats can be missed before a worker counts as gone.
 * A failed beat (Redis down) is logged once per outage and retried on the next tick; it never throws.
 */
export function startHeartbeat({
  redis,
  workerId,
  info,
  ttlSeconds = env().WORKER_HEARTBEAT_TTL,
}: {
  redis: Redis;
  workerId: string;
  info: WorkerInfo | (() => WorkerInfo);
  ttlSeconds?: number;
}): Heartbeat {
  let isFailing = false;
  let isBeating = false;
  const tick = async () => {
    // During an outage a beat can outlast the interval; overlapping beats would only add noise.
    if (isBeating) return;
    isBeating = true;
    try {
      // Waiting for the connection avoids a spurious "cannot reach Redis" on the very first beat.
      await waitForReady(redis, 2_000);
      await beat({ redis, workerId, info: typeof info === "function" ? info() : info, ttlSeconds });
      if (isFailing) console.info(`heartbeat: ${workerId} beating again`);
      isFailing = false;
    } catch (error) {
      if (!isFailing) console.warn(`heartbeat: cannot reach Redis (${(error as Error).message}); will keep trying`);
      isFailing = true;
    } finally {
      isBeating = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), Math.max(500, (ttlSeconds * 1000) / 3));
  return {
    stop: async () => {
      clearInterval(timer);
      await removeWorker({ redis, workerId }).catch((error: Error) =>
        console.warn(`heartbeat: could not remove ${workerId}: ${error.message}`),
      );
    },
  };
}
