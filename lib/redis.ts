// The web app's shared Redis client (producer side: enqueue, health checks, heartbeat reads). It fails fast
// while Redis is down — a request should get a 503 in ~2 s, not hang — and reconnects by itself, so the
// app recovers without a restart once Redis is back.
import type { Redis } from "ioredis";
import { createRedisConnection, waitForReady } from "@/lib/queue/connection";

type Holder = { redis?: Redis };
// On globalThis, like lib/db, so Next's hot reload does not open a new connection per edit.
const holder = globalThis as unknown as { __flightdeckRedis?: Holder };
const state: Holder = (holder.__flightdeckRedis ??= {});

/** The shared client, created (and connecting) on first use. */
export function getRedis(): Redis {
  state.redis ??= createRedisConnection({ role: "producer", label: "app" });
  return state.redis;
}

/** The shared client once it is ready; rejects after `timeoutMs` when Redis cannot be reached. */
export async function getReadyRedis(timeoutMs = 2_000): Promise<Redis> {
  const redis = getRedis();
  await waitForReady(redis, timeoutMs);
  return redis;
}

/** Closes the shared client (worker shutdown, test teardown). */
export async function closeRedis(): Promise<void> {
  const redis = state.redis;
  state.redis = undefined;
  if (!redis) return;
  await redis.quit().catch(() => redis.disconnect());
}
