// Connection defaults for the project's scripts (the app itself reads its settings through lib/env.ts).
import pg from "pg";

export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/flightdeck";
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/** The same server's `postgres` database, for work that needs a connection but not our schema. */
export function maintenanceUrl(url: string = databaseUrl()): string {
  const parsed = new URL(url);
  parsed.pathname = "/postgres";
  return parsed.toString();
}

/** Creates the database named in `url` when it does not exist yet. */
export async function ensureDatabase(url: string = databaseUrl()): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const client = new pg.Client({ connectionString: maintenanceUrl(url) });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Cannot reach PostgreSQL at ${new URL(url).host} (${(error as Error).message}). ` +
        "Start it (docker compose up -d postgres, or your own server) or set DATABASE_URL.",
    );
  }
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
