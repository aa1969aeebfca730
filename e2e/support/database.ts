// Direct access to the e2e database for fixtures and for proving that a refused request changed nothing.
// Plain `pg` rather than Prisma: Playwright loads test files as CommonJS and the generated client is ESM.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { generateApiToken } from "@/lib/auth/api-token";
import { MOVING_STATES } from "@/lib/domain/rollout-lifecycle";
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

// Columns that record use, not change: reading with a token stamps lastUsedAt, signing in stamps lastLoginAt,
// a signed-in browser's requests stamp its session's lastSeenAt, and every evaluation interval of the workers
// stamps an alert that is still firing.
const USE_STAMPS: Record<string, string[]> = {
  ApiToken: ["lastUsedAt"],
  User: ["lastLoginAt"],
  Session: ["lastSeenAt"],
  Alert: ["lastSeenAt"],
};
/**
 * Tables the workers write on their own, whatever a request does: the SLI history, sampled every minute, its
 * day counts, and what the alert evaluator last said of each rule of each serving target.
 */
const BACKGROUND_TABLES = ["SliRollup", "SliDayCount", "AlertRuleState"];

/** A digest of every row of every table: equal digests mean nothing was changed. */
export async function fingerprint(): Promise<Record<string, string>> {
  return withDatabase(async (client) => {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' AND NOT (table_name = ANY($1))`,
      [BACKGROUND_TABLES],
    );
    const result: Record<string, string> = {};
    for (const { table_name: table } of tables) {
      const { rows: cols } = await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      );
      const kept = cols.map((c) => c.column_name).filter((c) => !(USE_STAMPS[table] ?? []).includes(c));
      const row = `row(${kept.map((c) => `t."${c}"`).join(", ")})::text`;
      const { rows } = await client.query<{ digest: string }>(
        `SELECT md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS digest FROM "${table}" t`,
      );
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
export async function createToken(
  ownerEmail: string,
  role: string,
  name = `e2e-${randomUUID().slice(0, 8)}`,
): Promise<{ token: string; id: string }> {
  const ownerId = await userIdByEmail(ownerEmail);
  const { token, prefix, tokenHash } = generateApiToken();
  const id = `tok_${randomUUID()}`;
  await withDatabase((client) =>
    client.query(`INSERT INTO "ApiToken" (id, name, prefix, "tokenHash", role, "ownerId") VALUES ($1, $2, $3, $4, $5::"Role", $6)`, [
      id,
      name,
      prefix,
      tokenHash,
      role,
      ownerId,
    ]),
  );
  return { token, id };
}

export async function countAuditEvents(): Promise<number> {
  return withDatabase(async (client) => Number((await client.query(`SELECT count(*) AS n FROM "AuditEvent"`)).rows[0].n));
}

const sampleConfig = { command: ["tsx", "workers/sample-service/server.ts"], port: 0, retainRevisions: 1 };
const smokeSuite = [{ name: "Health endpoint", kind: "http", path: "/health", expectStatus: 200 }];

type CreatedTarget = { serviceId: string; targetId: string; releaseId: string; authorId: string };

/** A service of its own with a local sample-service target in staging and one release; returns their ids. */
export function createStagingTarget(): Promise<CreatedTarget> {
  return createTarget("staging");
}

/** A service of its own with a local sample-service target in `environment` and one release (a hotfix if asked). */
export async function createTarget(environment: string, options: { hotfix?: boolean } = {}): Promise<CreatedTarget & { digest: string }> {
  const tag = randomUUID().slice(0, 8);
  const authorId = await userIdByEmail("dev@flightdeck.local");
  const digest = `sha256:${"1".repeat(64)}`;
  return withDatabase(async (client) => {
    const env = await client.query<{ id: string }>(`SELECT id FROM "Environment" WHERE slug = $1`, [environment]);
    const [serviceId, targetId, releaseId] = [`svc_${tag}`, `tgt_${tag}`, `rel_${tag}`];
    await client.query(`INSERT INTO "Service" (id, slug, name, "smokeSuite") VALUES ($1, $2, $3, $4)`, [
      serviceId,
      `e2e-${tag}`,
      `E2E ${tag}`,
      JSON.stringify(smokeSuite),
    ]);
    // 2 post-deploy health checks over 1 s rather than the documents' 6 over 30 s, to stay within the journeys' waits.
    await client.query(
      `INSERT INTO "Target" (id, "serviceId", "environmentId", "providerConfig", "postDeployChecks", "postDeploySeconds") VALUES ($1, $2, $3, $4, 2, 1)`,
      [targetId, serviceId, env.rows[0]!.id, JSON.stringify(sampleConfig)],
    );
    await client.query(
      `INSERT INTO "Release" (id, "serviceId", version, image, digest, "authorId", hotfix) VALUES ($1, $2, '1.0.0', 'sample:1.0.0', $3, $4, $5)`,
      [releaseId, serviceId, digest, authorId, options.hotfix ?? false],
    );
    return { serviceId, targetId, releaseId, authorId, digest };
  });
}

/**
 * Inserts a deployment row (no job is queued for it) and returns its id. A moving one should carry a resumeAt
 * in the future, as a rollout in a timed pause does, or the worker's reconciler picks it up and runs it.
 */
export async function insertDeployment(row: {
  releaseId: string;
  targetId: string;
  state: string;
  active: boolean;
  revision: string;
  finishedAt?: Date;
  kind?: "deploy" | "rollback";
  currentStep?: number;
  resumeAt?: Date;
}): Promise<string> {
  const id = `dep_${randomUUID().slice(0, 12)}`;
  const plan = [
    { kind: "start_revision" },
    { kind: "verify" },
    { kind: "set_traffic", percent: 100 },
    { kind: "finalize", keepPrevious: false },
  ];
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "Deployment" (id, "releaseId", "targetId", "activeTargetId", strategy, state, plan, revision, "finishedAt", "updatedAt", kind, "currentStep", "resumeAt")
       VALUES ($1, $2, $3, $4, 'rolling', $5::"DeploymentState", $6, $7, $8, now(), $9::"DeploymentKind", $10, $11)`,
      [
        id,
        row.releaseId,
        row.targetId,
        row.active ? row.targetId : null,
        row.state,
        JSON.stringify(plan),
        row.revision,
        row.finishedAt ?? null,
        row.kind ?? "deploy",
        row.currentStep ?? 0,
        row.resumeAt ?? null,
      ],
    ),
  );
  return id;
}

export async function setCurrentRevision(targetId: string, revision: string, releaseId: string): Promise<void> {
  await withDatabase((client) =>
    client.query(`UPDATE "Target" SET "currentRevision" = $2, "currentReleaseId" = $3 WHERE id = $1`, [targetId, revision, releaseId]),
  );
}

/**
 * Waits until the worker has no deployment in motion, so a fingerprint is not disturbed by background work.
 * One in a timed pause (resumeAt still ahead) is not in motion: nothing moves it before then.
 */
export async function waitForQuiescence(timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // A smoke run a worker is still recording counts as motion too: its results would change the fingerprint.
  const moving = `SELECT (SELECT count(*) FROM "Deployment" WHERE state::text = ANY($1) AND ("resumeAt" IS NULL OR "resumeAt" <= now()))
    + (SELECT count(*) FROM "SmokeRun" WHERE status = 'running') AS n`;
  while (Date.now() < deadline) {
    const n = await withDatabase(async (client) => Number((await client.query(moving, [MOVING_STATES])).rows[0].n));
    if (n === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("deployments or smoke runs still in motion after 45 s");
}

async function environmentId(client: pg.Client, slug: string): Promise<string> {
  return (await client.query<{ id: string }>(`SELECT id FROM "Environment" WHERE slug = $1`, [slug])).rows[0]!.id;
}

/** A release of a seeded service, written by the demo developer. */
export async function insertRelease(serviceSlug = "akosha"): Promise<{ id: string; digest: string }> {
  const id = `rel_${randomUUID().slice(0, 12)}`;
  const digest = `sha256:${randomUUID().replaceAll("-", "").padEnd(64, "0")}`;
  const authorId = await userIdByEmail("dev@flightdeck.local");
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "Release" (id, "serviceId", version, image, digest, "authorId") SELECT $1, s.id, $2, 'registry.example.com/x:e2e', $3, $4 FROM "Service" s WHERE s.slug = $5`,
      [id, `0.0.${Date.now()}${Math.floor(Math.random() * 1000)}`, digest, authorId, serviceSlug],
    ),
  );
  return { id, digest };
}

export async function insertApproval(release: { id: string; digest: string }, environment: string, email: string): Promise<void> {
  const userId = await userIdByEmail(email);
  await withDatabase(async (client) =>
    client.query(
      `INSERT INTO "Approval" (id, "releaseId", "environmentId", "userId", decision, digest) VALUES ($1, $2, $3, $4, 'approve', $5)`,
      [`apr_${randomUUID().slice(0, 12)}`, release.id, await environmentId(client, environment), userId, release.digest],
    ),
  );
}

export async function insertFreeze(environment: string): Promise<string> {
  const id = `frz_${randomUUID().slice(0, 12)}`;
  const createdById = await userIdByEmail("admin@flightdeck.local");
  await withDatabase(async (client) =>
    client.query(
      `INSERT INTO "Freeze" (id, "environmentId", "startsAt", "endsAt", reason, "createdById") VALUES ($1, $2, '2031-01-01', '2031-01-02', 'matrix fixture', $3)`,
      [id, await environmentId(client, environment), createdById],
    ),
  );
  return id;
}

export async function insertOpenReview(environment = "production"): Promise<string> {
  const id = `rev_${randomUUID().slice(0, 12)}`;
  const release = await insertRelease();
  const openedById = await userIdByEmail("release@flightdeck.local");
  await withDatabase(async (client) =>
    client.query(
      `INSERT INTO "Review" (id, reason, "releaseId", "environmentId", detail, "openedById") VALUES ($1, 'hotfix', $2, $3, 'matrix fixture', $4)`,
      [id, release.id, await environmentId(client, environment), openedById],
    ),
  );
  return id;
}

/** An open rule alert (P3 unless asked) on a staging target of its own, or on `targetId`; returns the alert's id. */
export async function insertOpenAlert(options: { severity?: "P1" | "P2" | "P3" | "P4"; targetId?: string } = {}): Promise<string> {
  const targetId = options.targetId ?? (await createStagingTarget()).targetId;
  const id = `alr_${randomUUID().slice(0, 12)}`;
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "Alert" (id, "targetId", name, severity, fingerprint, "openKey") VALUES ($1, $2, 'Matrix fixture', $3, 'threshold:fixture', $4)`,
      [id, targetId, options.severity ?? "P3", `${targetId}:rule:threshold:fixture`],
    ),
  );
  return id;
}
