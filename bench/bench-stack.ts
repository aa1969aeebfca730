// What a benchmark runs against: a migrated database and a Redis key prefix of its own on the machine's
// Postgres and Redis, a local-provider state directory, and real worker processes. Dropped afterwards.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createMigratedDatabase, databaseUrlFor, dropDatabase, testRunId } from "@/lib/testing/test-database";
import { type SpawnedWorker, spawnWorker } from "@/workers/testing/spawn-worker";

export type BenchStack = {
  env: Record<string, string>;
  startWorker: (extra?: Record<string, string>) => SpawnedWorker;
  close: () => Promise<void>;
};

export async function startBenchStack(name: string): Promise<BenchStack> {
  const runId = testRunId();
  const databaseUrl = databaseUrlFor(`flightdeck_bench_${name}_${runId}`);
  await createMigratedDatabase(databaseUrl);
  const stateDir = mkdtempSync(path.join(tmpdir(), `fd-bench-${name}-`));
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: `fdbench:${runId}`,
    LOCAL_PROVIDER_STATE_DIR: stateDir,
    WORKER_HEARTBEAT_TTL: "3",
    FLIGHTDECK_SECRET_KEY: randomBytes(32).toString("base64"),
  };
  // This process uses the same settings as its workers (lib/env reads them on first use).
  Object.assign(process.env, env);
  const workers: SpawnedWorker[] = [];
  return {
    env,
    startWorker: (extra = {}) => {
      const worker = spawnWorker({ env: { ...env, ...extra } });
      workers.push(worker);
      return worker;
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.stop()));
      const { shutdownAllLocal } = await import("@/lib/providers/local/shutdown-all-local");
      await shutdownAllLocal({ stateDir });
      const { getReadyRedis, closeRedis } = await import("@/lib/redis");
      const redis = await getReadyRedis();
      const keys = await redis.keys(`${env.REDIS_PREFIX}:*`);
      if (keys.length) await redis.del(...keys);
      await (await import("@/lib/queue/enqueue")).closeQueues();
      await closeRedis();
      await (await import("@/lib/db")).disconnectDb();
      await dropDatabase(databaseUrl);
    },
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Runs `run` over `items`, `size` at a time (the next batch starts when the last one has finished). */
export async function inBatches<T>(items: T[], size: number, run: (item: T, i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map((item, j) => run(item, i + j)));
}

/** "3 × succeeded; 1 × rolled_back": how often each value occurs, the most frequent first (the first `limit`). */
export function tally(list: string[], limit = Infinity): string {
  return Object.entries(list.reduce<Record<string, number>>((m, s) => ((m[s] = (m[s] ?? 0) + 1), m), {}))
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([s, n]) => `${n} × ${s}`)
    .join("; ");
}
