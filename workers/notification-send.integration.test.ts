// Notifications end to end: an approval queues notification.send, a real worker process posts the Slack-
// compatible message to a local HTTP receiver; a failing webhook is tried 3 times, logged, and the worker
// carries on; an environment without a webhook queues nothing.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitUntil } from "@/lib/testing/own-redis";
import { type SpawnedWorker, spawnWorker } from "./testing/spawn-worker";

// A prefix of this file's own under the run's prefix, so only this file's worker takes its jobs.
const prefix = `${process.env.REDIS_PREFIX ?? "fdtest"}:ns${randomBytes(2).toString("hex")}`;
process.env.REDIS_PREFIX = prefix;

const { disconnectDb, getDb } = await import("@/lib/db");
const { closeQueues } = await import("@/lib/queue/enqueue");
const { closeRedis, getReadyRedis } = await import("@/lib/redis");
const { createReleaseWorld } = await import("@/lib/testing/release-fixtures");
const { decideApproval } = await import("@/lib/services/decide-approval");
const { notify } = await import("@/lib/services/notify");
const { encryptSecret } = await import("@/lib/crypto/secret-box");

type Received = { path: string; body: { text: string; blocks?: { type: string; fields?: { text: string }[] }[] } };
const received: Received[] = [];
let server: Server;
let baseUrl = "";
let worker: SpawnedWorker;
let world: Awaited<ReturnType<typeof createReleaseWorld>>;

function startReceiver(): Promise<void> {
  server = createServer((request, response) => {
    let data = "";
    request.on("data", (chunk: Buffer) => (data += chunk.toString()));
    request.on("end", () => {
      received.push({ path: request.url ?? "", body: JSON.parse(data) });
      response.writeHead(request.url === "/fail" ? 500 : 200).end("ok");
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      baseUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
      resolve();
    }),
  );
}

const receivedAt = (path: string) => received.filter((r) => r.path === path);

beforeAll(async () => {
  await startReceiver();
  world = await createReleaseWorld();
  await getDb().environment.update({
    where: { id: world.production.id },
    data: { notifyWebhookEncrypted: encryptSecret(`${baseUrl}/ok`) },
  });
  await getDb().environment.update({ where: { id: world.staging.id }, data: { notifyWebhookEncrypted: encryptSecret(`${baseUrl}/fail`) } });
  worker = spawnWorker({ env: { REDIS_PREFIX: prefix, DATABASE_URL: process.env.DATABASE_URL ?? "" } });
});

afterAll(async () => {
  await worker?.stop("SIGKILL");
  const redis = await getReadyRedis();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await closeQueues();
  await closeRedis();
  await disconnectDb();
  await new Promise((resolve) => server.close(resolve));
});

describe("notifications", () => {
  it("posts an approval to the environment's webhook as a Slack-compatible message", async () => {
    const release = await world.createRelease();
    await decideApproval({
      principal: world.people.rm1.principal,
      releaseId: release.id,
      input: { environment: world.production.slug, decision: "approve" },
    });
    await waitUntil(async () => expect(receivedAt("/ok")).toHaveLength(1), { timeoutMs: 30_000, what: "the webhook message" }).catch(
      (error: Error) => {
        throw new Error(`${error.message}\n--- worker output ---\n${worker.output()}`);
      },
    );
    const [message] = receivedAt("/ok");
    expect(message?.body.text).toBe(`Rita Release approved ${world.service.slug} ${release.version} for ${world.production.name}`);
    expect(message?.body.blocks?.[1]?.fields).toEqual(expect.arrayContaining([{ type: "mrkdwn", text: `*Version*\n${release.version}` }]));
  });

  it("tries a failing webhook 3 times, logs it without the URL, and keeps working", async () => {
    const queued = await notify({
      environmentId: world.staging.id,
      event: "deploy_failed",
      text: "svc 1.0.0 failed in staging",
      subjectId: "dep-fail-1",
    });
    expect(queued).toBe(true);
    await waitUntil(async () => expect(receivedAt("/fail")).toHaveLength(3), { timeoutMs: 30_000, what: "three attempts" });
    await waitUntil(
      async () =>
        expect(worker.output()).toMatch(
          /notification deploy_failed to stg-\w+'s webhook failed \(attempt 3\/3\): the webhook answered 500/,
        ),
      { timeoutMs: 10_000, what: "the failure log" },
    );
    expect(worker.output()).not.toContain(`${baseUrl}/fail`);
    await notify({ environmentId: world.production.id, event: "deploy_finished", text: "svc 1.0.0 is live", subjectId: "dep-ok-1" });
    await waitUntil(async () => expect(receivedAt("/ok").map((r) => r.body.text)).toContain("svc 1.0.0 is live"), {
      timeoutMs: 30_000,
      what: "the next message",
    });
    expect(worker.child.exitCode).toBeNull();
  });

  it("queues nothing for an environment without a webhook, and posts a subject's event once", async () => {
    await getDb().environment.update({ where: { id: world.staging.id }, data: { notifyWebhookEncrypted: null } });
    expect(await notify({ environmentId: world.staging.id, event: "rolled_back", text: "rolled back", subjectId: "dep-2" })).toBe(false);
    const once = { environmentId: world.production.id, event: "rolled_back" as const, text: "rolled back once", subjectId: "dep-3" };
    await notify(once);
    await notify(once);
    await waitUntil(async () => expect(receivedAt("/ok").map((r) => r.body.text)).toContain("rolled back once"), {
      timeoutMs: 30_000,
      what: "the rollback message",
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receivedAt("/ok").filter((r) => r.body.text === "rolled back once")).toHaveLength(1);
  });
});
