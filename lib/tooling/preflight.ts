// Checks the project's dependencies before starting anything, and says which one is missing and how to fix it.
import { checkRedis } from "@/lib/services/health";
import { ensureDatabase } from "@/prisma/scripts/script-env";

function hostOf(url: string, defaultPort: number): string {
  const parsed = new URL(url);
  return `${parsed.hostname || "127.0.0.1"}:${parsed.port || defaultPort}`;
}

export async function preflight(options: { databaseUrl: string; redisUrl: string }): Promise<void> {
  const problems: string[] = [];
  try {
    await ensureDatabase(options.databaseUrl);
  } catch (error) {
    problems.push(`PostgreSQL: ${(error as Error).message}`);
  }
  const redis = await checkRedis(options.redisUrl);
  if (!redis.ok) {
    problems.push(
      `Redis: cannot reach ${hostOf(options.redisUrl, 6379)}. ` +
        "Start it (docker compose up -d redis, or `redis-server --daemonize yes`) or set REDIS_URL.",
    );
  }
  if (problems.length) {
    throw new Error(`Flightdeck cannot start:\n  - ${problems.join("\n  - ")}`);
  }
}
