// Secrets at rest end to end: a webhook set through the real service is stored encrypted (the raw column holds
// no plaintext, the API and the audit log never show it); `npm run secrets:rotate` (the real command, in its
// own process) re-encrypts every secret under a new key, refuses to run when one value is unreadable, and a
// worker that holds only the new key still posts to the webhook; `npm run db:migrate` encrypts the values a
// migration marked as plaintext.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitUntil } from "@/lib/testing/own-redis";
import { type SpawnedWorker, spawnWorker } from "@/workers/testing/spawn-worker";

const prefix = `${process.env.REDIS_PREFIX ?? "fdtest"}:ns${randomBytes(2).toString("hex")}`;
process.env.REDIS_PREFIX = prefix;

const { disconnectDb, getDb } = await import("@/lib/db");
const { closeQueues } = await import("@/lib/queue/enqueue");
const { closeRedis, getReadyRedis } = await import("@/lib/redis");
const { createReleaseWorld } = await import("@/lib/testing/release-fixtures");
const { updateEnvironmentPolicy } = await import("@/lib/services/update-environment-policy");
const { notify } = await import("@/lib/services/notify");
const { rotateSecrets } = await import("@/lib/services/rotate-secrets");
const { decryptSecret, encryptSecret } = await import("@/lib/crypto/secret-box");
const { createKeyring } = await import("@/lib/crypto/secret-keyring");

/** Each npm run starts tsx in a process of its own: tens of seconds on a loaded 2-core machine. */
const COMMAND_TEST_MS = 180_000;
const root = path.resolve(import.meta.dirname, "../..");
const oldKey = process.env.FLIGHTDECK_SECRET_KEY!;
const newKey = randomBytes(32).toString("base64");
const oldKeyring = createKeyring([oldKey]);
const newKeyring = createKeyring([newKey]);
const received: string[] = [];
let server: Server;
let webhookUrl = "";
let worker: SpawnedWorker | undefined;
let world: Awaited<ReturnType<typeof createReleaseWorld>>;

function runScript(script: string, env: Record<string, string>) {
  const result = spawnSync("npm", ["run", "--silent", script], {
    cwd: root,
    env: { ...process.env, ...env, PATH: `${path.join(root, "node_modules/.bin")}:${process.env.PATH ?? ""}` },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Every stored secret, raw: [table, id, value]. */
async function rawSecrets(): Promise<[string, string, string][]> {
  const rows = await getDb().$queryRaw<{ t: string; id: string; v: string }[]>`
    SELECT 'Environment' AS t, "id", "notifyWebhookEncrypted" AS v FROM "Environment" WHERE "notifyWebhookEncrypted" IS NOT NULL
    UNION ALL SELECT 'Target', "id", "credentialsEncrypted" FROM "Target" WHERE "credentialsEncrypted" IS NOT NULL`;
  return rows.map((r) => [r.t, r.id, r.v]);
}

beforeAll(async () => {
  server = createServer((request, response) => {
    let data = "";
    request.on("data", (chunk: Buffer) => (data += chunk.toString()));
    request.on("end", () => (received.push((JSON.parse(data) as { text: string }).text), response.writeHead(200).end("ok")));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  webhookUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/hooks/T0/B0/s3cr3t-${randomBytes(4).toString("hex")}`;
  world = await createReleaseWorld();
});

afterAll(async () => {
  await worker?.stop("SIGKILL");
  // Leaves every secret under the run's key again, for the test files after this one.
  await getDb().target.update({ where: { id: world.stagingTarget.id }, data: { credentialsEncrypted: null } });
  await rotateSecrets({ keyring: createKeyring([oldKey, newKey]) });
  const redis = await getReadyRedis();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await closeQueues();
  await closeRedis();
  await disconnectDb();
  await new Promise((resolve) => server.close(resolve));
});

describe("secrets at rest", () => {
  it("stores a webhook set through the service encrypted, and never shows or audits it", async () => {
    const view = await updateEnvironmentPolicy({
      principal: world.people.admin.principal,
      slug: world.production.slug,
      input: { notifyWebhookUrl: webhookUrl },
    });
    expect(view.hasNotifyWebhook).toBe(true);
    expect(JSON.stringify(view)).not.toContain("127.0.0.1");
    const [row] = await getDb().$queryRaw<
      { v: string }[]
    >`SELECT "notifyWebhookEncrypted" AS v FROM "Environment" WHERE "id" = ${world.production.id}`;
    expect(row!.v).toMatch(new RegExp(`^v1:${oldKeyring.current.id}:`));
    expect(row!.v).not.toContain("s3cr3t");
    expect(row!.v).not.toContain("127.0.0.1");
    expect(decryptSecret(row!.v, oldKeyring)).toBe(webhookUrl);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { subjectId: world.production.id }, orderBy: { createdAt: "desc" } });
    expect(audit.details).toMatchObject({ changes: { notifyWebhook: "set" } });
    expect(JSON.stringify(audit.details)).not.toContain("s3cr3t");
    // Setting the same URL again changes nothing; another URL is a replacement.
    await updateEnvironmentPolicy({
      principal: world.people.admin.principal,
      slug: world.production.slug,
      input: { notifyWebhookUrl: webhookUrl },
    });
    expect(await getDb().auditEvent.count({ where: { subjectId: world.production.id } })).toBe(1);
  });

  it(
    "re-encrypts every secret under a new key with npm run secrets:rotate, and says how many",
    async () => {
      await getDb().target.update({
        where: { id: world.productionTarget.id },
        data: { credentialsEncrypted: encryptSecret("apiVersion: v1\nkind: Config") },
      });
      const before = await rawSecrets();
      expect(before.length).toBeGreaterThanOrEqual(2);
      // A value no configured key can read stops the rotation, and nothing changes.
      const stray = encryptSecret("unreadable", createKeyring([randomBytes(32).toString("base64")]));
      await getDb().target.update({ where: { id: world.stagingTarget.id }, data: { credentialsEncrypted: stray } });
      const refused = runScript("secrets:rotate", { FLIGHTDECK_SECRET_KEY: newKey, FLIGHTDECK_SECRET_KEYS_PREVIOUS: oldKey });
      expect(refused.status, refused.output).toBe(1);
      expect(refused.output).toContain(`Target ${world.stagingTarget.id}`);
      expect(await rawSecrets()).toEqual(expect.arrayContaining(before));
      await getDb().target.update({ where: { id: world.stagingTarget.id }, data: { credentialsEncrypted: null } });

      const rotated = runScript("secrets:rotate", { FLIGHTDECK_SECRET_KEY: newKey, FLIGHTDECK_SECRET_KEYS_PREVIOUS: oldKey });
      expect(rotated.status, rotated.output).toBe(0);
      expect(rotated.output).toContain(`Re-encrypted ${before.length} secret(s) under key ${newKeyring.current.id}; 0 already were.`);
      const after = await rawSecrets();
      expect(after).toHaveLength(before.length);
      for (const [table, id, value] of after) {
        expect(value, `${table} ${id}`).toMatch(new RegExp(`^v1:${newKeyring.current.id}:`));
        const original = before.find(([t, i]) => t === table && i === id)![2];
        expect(decryptSecret(value, newKeyring)).toBe(decryptSecret(original, oldKeyring));
      }
      const again = runScript("secrets:rotate", { FLIGHTDECK_SECRET_KEY: newKey });
      expect(again.output).toContain(`Re-encrypted 0 secret(s) under key ${newKeyring.current.id}; ${before.length} already were.`);
    },
    COMMAND_TEST_MS,
  );

  it(
    "lets a worker that holds only the new key post to the re-encrypted webhook",
    async () => {
      worker = spawnWorker({ env: { REDIS_PREFIX: prefix, FLIGHTDECK_SECRET_KEY: newKey, FLIGHTDECK_SECRET_KEYS_PREVIOUS: "" } });
      expect(
        await notify({
          environmentId: world.production.id,
          event: "deploy_finished",
          text: "rotated and still posting",
          subjectId: "rot-1",
        }),
      ).toBe(true);
      await waitUntil(async () => expect(received).toContain("rotated and still posting"), {
        timeoutMs: 90_000,
        what: "the webhook message",
      }).catch((error: Error) => {
        throw new Error(`${error.message}\n--- worker output ---\n${worker?.output()}`);
      });
    },
    COMMAND_TEST_MS,
  );

  it(
    "encrypts, in npm run db:migrate, the values a migration moved in as plaintext",
    async () => {
      await getDb()
        .$executeRaw`UPDATE "Environment" SET "notifyWebhookEncrypted" = ${`plaintext:${webhookUrl}`} WHERE "id" = ${world.staging.id}`;
      const migrated = runScript("db:migrate", { FLIGHTDECK_SECRET_KEY: newKey, FLIGHTDECK_SECRET_KEYS_PREVIOUS: oldKey });
      expect(migrated.status, migrated.output).toBe(0);
      expect(migrated.output).toContain("Encrypted 1 secret(s) that a migration moved in plaintext");
      const [row] = await getDb().$queryRaw<
        { v: string }[]
      >`SELECT "notifyWebhookEncrypted" AS v FROM "Environment" WHERE "id" = ${world.staging.id}`;
      expect(row!.v).not.toContain("s3cr3t");
      expect(decryptSecret(row!.v, newKeyring)).toBe(webhookUrl);
    },
    COMMAND_TEST_MS,
  );
});
