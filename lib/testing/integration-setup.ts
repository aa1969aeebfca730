// Vitest global setup for *.integration.test.ts: a fresh, migrated database and a Redis key prefix of this
// run's own. Test files inherit the settings through process.env.
import { randomBytes } from "node:crypto";
import { createMigratedDatabase, databaseUrlFor, dropDatabase, testRunId } from "./test-database";

export default async function setup(): Promise<() => Promise<void>> {
  const runId = process.env.TEST_RUN_ID ?? testRunId();
  const url = databaseUrlFor(`flightdeck_it_${runId}`);
  await createMigratedDatabase(url);
  process.env.DATABASE_URL = url;
  process.env.REDIS_PREFIX = `fdtest:${runId}`;
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  // A key of this run's own for secrets at rest; tests that rotate keys set theirs per process.
  process.env.FLIGHTDECK_SECRET_KEY ??= randomBytes(32).toString("base64");
  return async () => {
    if (!process.env.KEEP_TEST_DATABASE) await dropDatabase(url);
  };
}
