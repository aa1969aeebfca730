// Direct access to the e2e database for fixtures and for proving that a refused request changed nothing.
// Plain `pg` rather than Prisma: Playwright loads test files as CommonJS and the generated client is ESM.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { generateApiToken } from "@/lib/auth/api-token";
import { databaseUrl } from "./e2e-env";

export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Columns that record use, not change: reading with a token stamps lastUsedAt, signing in stamps lastLoginAt.
const USE_STAMPS: Record<string, string[]> = { ApiToken: ["lastUsedAt"], User: ["lastLoginAt"] };

/** A digest of every row of every table: equal digests mean nothing was changed. */
export async function fingerprint(): Promise<Record<string, string>> {
  return withDatabase(async (client) => {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    );
    const result: Record<string, string> = {};
    for (const { table_name: table } of tables) {
      const { rows: cols } = await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      );
      const kept = cols.map((c) => c.column_name).filter((c) => !(USE_STAMPS[table] ?? []).includes(c));
      const row = `row(${kept.map((c) => `t."${c}"`).join(", ")})::text`;
      const { rows } = await client.query<{ digest: string }>(`SELECT md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS digest FROM "${table}" t`);
      result[table] = rows[0]!.digest;
    }
    return result;
  });
}

export async function userIdByEmail(email: string): Promise<string> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
    if (!rows[0]) throw new Error(`no user ${email} in the e2e database`);
    return rows[0].id;
  });
}

/** Creates an API token acting with `role` for the user with `ownerEmail`; returns the secret and its id. */
export async function createToken(ownerEmail: string, role: string, name = `e2e-${randomUUID().slice(0, 8)}`): Promise<{ token: string; id: string }> {
  const ownerId = await userIdByEmail(ownerEmail);
  const { token, prefix, tokenHash } = generateApiToken();
  const id = `tok_${randomUUID()}`;
  await withDatabase((client) =>
    client.query(`INSERT INTO "ApiToken" (id, name, prefix, "tokenHash", role, "ownerId") VALUES ($1, $2, $3, $4, $5::"Role", $6)`, [id, name, prefix, tokenHash, role, ownerId]),
  );
  return { token, id };
}

export async function countAuditEvents(): Promise<number> {
  return withDatabase(async (client) => Number((await client.query(`SELECT count(*) AS n FROM "AuditEvent"`)).rows[0].n));
}
