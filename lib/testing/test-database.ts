// Databases of a test run's own, on the machine's Postgres, so tests never touch the demo's data or another run's.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/prisma/scripts/apply-migrations";
import { ensureDatabase, maintenanceUrl } from "@/prisma/scripts/script-env";

const root = path.resolve(import.meta.dirname, "../..");

export function testRunId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

export function databaseUrlFor(
  name: string,
  base = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates `name` (dropping a leftover of the same name) and applies every migration to it. */
export async function createMigratedDatabase(url: string): Promise<void> {
  await dropDatabase(url);
  await ensureDatabase(url);
  await applyMigrations({ databaseUrl: url, baseDir: path.join(root, "prisma/migrations") });
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: maintenanceUrl(url) });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
