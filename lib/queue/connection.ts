// Redis connections for BullMQ and heartbeats. Each role gets its own connection: a consumer blocks on
// BRPOPLPUSH-style commands, so sharing it with a producer would delay every enqueue behind that block.
import { hostname } from "node:os";
import { Redis, type RedisOptions } from "ioredis";
import { env } from "@/lib/env";

export type ConnectionRole = "producer" | "consumer";

// Reconnect every ≤ 2 s for ever: after an outage the process recovers by itself, without a restart.
export function retryForever(attempt: number): number {
  return Math.min(attempt * 200, 2_000);
}

const ROLE_OPTIONS: Record<ConnectionRole, RedisOptions> = {
  // A producer runs inside a request or a job: fail fast while Redis is down instead of queueing the
  // command in memory and hanging the caller.
  producer: { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 },
  // BullMQ requires consumers to wait out an outage (maxRetriesPerRequest: null) rather than give up.
  consumer: { maxRetriesPerRequest: null, enableOfflineQueue: true, connectTimeout: 5_000 },
};

/** A new ioredis client for `role`, with a logging error listener attached (an unhandled one would crash). */
export function createRedisConnection({
  role,
  url = env().REDIS_URL,
  label = role,
}: {
  role: ConnectionRole;
  url?: string;
  label?: string;
}): Redis {
  const redis = new Redis(url, {
    ...ROLE_OPTIONS[role],
    retryStrategy: retryForever,
    connectionName: `flightdeck:${label}:${hostname()}:${process.pid}`,
  });
  watchConnection(redis, label);
  return redis;
}

/**
 * Logs a connection's outage once and its recovery once: ioredis emits `error` on every reconnect attempt,
 * which would flood the log during a long outage.
 */
export function watchConnection(redis: Redis, label: string): void {
  let isDown = false;
  redis.on("error", (error: Error) => {
    if (isDown) return;
    isDown = true;
    console.warn(`redis(${label}): connection lost — ${error.message}; reconnecting`);
  });
  redis.on("ready", () => {
    if (!isDown) return;
    isDown = false;
    console.info(`redis(${label}): reconnected`);
  });
}

/** Resolves once `redis` is ready, or rejects after `timeoutMs` with an error the API maps to "Redis is down". */
export async function waitForReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === "ready") return;
  if (redis.status === "wait") void redis.connect().catch(() => undefined);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off("ready", onReady);
      reject(new RedisUnavailableError(`Redis connection is closed: not ready within ${timeoutMs} ms (status ${redis.status})`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once("ready", onReady);
  });
}

/** The app's Redis connection is not usable; lib/api/dependency-error.ts answers it with 503 "Redis". */
export class RedisUnavailableError extends Error {
  readonly code = "ECONNREFUSED";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RedisUnavailableError";
  }
}

/** BullMQ's key prefix: every queue key lives under REDIS_PREFIX, so test runs never share keys with the demo. */
export function queuePrefix(): string {
  return env().REDIS_PREFIX;
}
