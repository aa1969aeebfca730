// Dependency health: Postgres, Redis and alive workers, each with a short timeout, so GET /api/v1/health
// and the start script can say exactly which dependency is down and how to fix it.
import { Redis } from "ioredis";
import pg from "pg";
import { dependencyAdvice } from "@/lib/api/dependency-error";
import { db } from "@/lib/db";
import { countAliveWorkers } from "@/lib/queue/heartbeat";
import { getReadyRedis } from "@/lib/redis";

const TIMEOUT_MS = 2_000;

export type CheckName = "postgres" | "redis" | "workers";
export type LatencyCheck = { ok: boolean; latencyMs: number; error?: string };
export type WorkersCheck = { ok: boolean; alive: number | null; error?: string };
export type Health = {
  status: "ok" | "degraded";
  checks: { postgres: LatencyCheck; redis: LatencyCheck; workers: WorkersCheck };
  down: CheckName[];
};

const WORKERS_ADVICE = {
  none: "No worker is running, so queued deployments will not progress. Start one with `npm run worker`.",
  unknown: "Worker status is unknown because Redis is unreachable; fix Redis first.",
};

async function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  // The losing promise may still reject later; swallow that so it is not an unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function timed(run: () => Promise<unknown>, advice: string): Promise<LatencyCheck> {
  const started = performance.now();
  const latencyMs = () => Math.round(performance.now() - started);
  try {
    await run();
    return { ok: true, latencyMs: latencyMs() };
  } catch {
    // The underlying error can name hosts and users; the advice says what to do without leaking them.
    return { ok: false, latencyMs: latencyMs(), error: advice };
  }
}

async function pingPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `SELECT 1` through the app's Prisma client, or over a short-lived connection to `url` when given. */
export function checkPostgres(url?: string): Promise<LatencyCheck> {
  const run = () => withTimeout<unknown>(url ? pingPostgres(url) : db.$queryRaw`SELECT 1`, "PostgreSQL");
  return timed(run, dependencyAdvice.postgres);
}

async function pingRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}

/** PING through the app's shared Redis client, or over a short-lived connection to `url` when given. */
export function checkRedis(url?: string): Promise<LatencyCheck> {
  const run = () => withTimeout<unknown>(url ? pingRedis(url) : getReadyRedis(TIMEOUT_MS).then((redis) => redis.ping()), "Redis");
  return timed(run, dependencyAdvice.redis);
}

/** Workers whose heartbeat is within WORKER_HEARTBEAT_TTL; at least one must be alive. */
export async function checkWorkers({ isRedisUp }: { isRedisUp: boolean }): Promise<WorkersCheck> {
  if (!isRedisUp) return { ok: false, alive: null, error: WORKERS_ADVICE.unknown };
  try {
    const alive = await withTimeout(
      getReadyRedis(TIMEOUT_MS).then((redis) => countAliveWorkers({ redis })),
      "Redis",
    );
    return alive > 0 ? { ok: true, alive } : { ok: false, alive, error: WORKERS_ADVICE.none };
  } catch {
    return { ok: false, alive: null, error: WORKERS_ADVICE.unknown };
  }
}

/** All checks at once (in parallel, so the worst case is ~2 timeouts, not the sum of all). */
export async function getHealth(): Promise<Health> {
  const [postgres, redis] = await Promise.all([checkPostgres(), checkRedis()]);
  const workers = await checkWorkers({ isRedisUp: redis.ok });
  const checks = { postgres, redis, workers };
  const down = (Object.keys(checks) as CheckName[]).filter((name) => !checks[name].ok);
  return { status: down.length === 0 ? "ok" : "degraded", checks, down };
}
