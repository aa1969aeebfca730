// The deployment page's live stream through the real route handler and Postgres LISTEN/NOTIFY: the timeline
// replayed (all of it, or after Last-Event-ID), then each new event and state change within a second; many
// viewers of a deployment share one feed; an event whose transaction commits late still arrives; a lost
// notification costs at most the safety poll; a dropped LISTEN connection reconnects; the stream ends after
// the final state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitUntil } from "@/lib/testing/own-redis";
import { readSse } from "@/lib/testing/sse-client";

const { disconnectDb, getDb } = await import("@/lib/db");
const { createReleaseWorld } = await import("@/lib/testing/release-fixtures");
const { appendEvent } = await import("./append-event");
const { countDeploymentFeeds } = await import("./subscribe-to-deployment");
const { LISTENER_NAME } = await import("@/lib/db/listen-to-postgres");
const { GET } = await import("@/app/api/v1/deployments/[id]/events/route");

let world: Awaited<ReturnType<typeof createReleaseWorld>>;
let targets = 0;
const db = () => getDb();

async function createLiveDeployment(events = 3): Promise<{ id: string; eventIds: string[] }> {
  const release = await world.createRelease();
  // A target of its own (one active deployment per target): a service of its own in staging.
  const service = await db().service.create({ data: { slug: `live-${(targets += 1)}-${world.tag}`, name: `Live ${targets}` } });
  const target = await db().target.create({ data: { serviceId: service.id, environmentId: world.staging.id } });
  const deployment = await db().deployment.create({
    data: {
      releaseId: release.id,
      targetId: target.id,
      activeTargetId: target.id,
      strategy: "canary",
      state: "stepping",
      startedAt: new Date(),
    },
  });
  for (let i = 1; i <= events; i += 1) await append(deployment.id, `event ${i}`);
  const rows = await db().deploymentEvent.findMany({ where: { deploymentId: deployment.id }, orderBy: { id: "asc" } });
  return { id: deployment.id, eventIds: rows.map((r) => r.id.toString()) };
}

const append = (deploymentId: string, message: string) => appendEvent(db(), { deploymentId, type: "step_started", message });

async function open(id: string, lastEventId?: string) {
  const response = await GET(
    new Request(`http://test/api/v1/deployments/${id}/events`, {
      headers: { authorization: `Bearer ${world.people.viewer.token}`, ...(lastEventId ? { "last-event-id": lastEventId } : {}) },
    }),
    { params: Promise.resolve({ id }) },
  );
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  return readSse(response.body!);
}

const messages = (sse: ReturnType<typeof readSse>) =>
  sse.frames.filter((f) => f.event === "event").map((f) => (f.data as { message: string }).message);
const withMessage = (message: string) => (f: { event: string; data: unknown }) =>
  f.event === "event" && (f.data as { message: string }).message === message;

/** Appends an event and returns how long it took to reach the viewer. */
async function delivery(sse: ReturnType<typeof readSse>, id: string, message: string, timeoutMs = 2_000): Promise<number> {
  const started = performance.now();
  await append(id, message);
  const frame = await sse.waitFor(withMessage(message), { timeoutMs, what: `"${message}"` });
  return frame.at - started;
}

const listenerPids = async () =>
  (
    await db().$queryRaw<{ pid: number }[]>`
      SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = ${LISTENER_NAME}`
  ).map((r) => r.pid);

let keeper: ReturnType<typeof readSse>;

beforeAll(async () => {
  world = await createReleaseWorld();
  // A viewer of another deployment for the whole file keeps this process's LISTEN connection open, as in a
  // web process with an audience; each test then starts from a connected listener.
  keeper = await open((await createLiveDeployment(0)).id);
  await waitUntil(async () => expect(await listenerPids()).toHaveLength(1), { timeoutMs: 5_000, what: "the LISTEN connection" });
  await new Promise((resolve) => setTimeout(resolve, 500));
});

afterAll(async () => {
  await keeper?.close();
  await disconnectDb();
});

describe("GET /api/v1/deployments/{id}/events", () => {
  it("replays the timeline, then streams each new event and state change within a second", async () => {
    const { id } = await createLiveDeployment();
    const sse = await open(id);
    await sse.waitFor((f) => f.event === "state", { timeoutMs: 2_000, what: "the first state" });
    expect(messages(sse)).toEqual(["event 1", "event 2", "event 3"]);
    expect(await delivery(sse, id, "event 4")).toBeLessThan(1_000);
    const started = performance.now();
    await db().deployment.update({ where: { id }, data: { trafficPercent: 50, currentStep: 2 } });
    const state = await sse.waitFor((f) => f.event === "state" && (f.data as { trafficPercent: number }).trafficPercent === 50, {
      timeoutMs: 2_000,
      what: "the 50 % state",
    });
    expect(state.at - started).toBeLessThan(1_000);
    expect(messages(sse)).toEqual(["event 1", "event 2", "event 3", "event 4"]);
    await sse.close();
  });

  it("resumes after Last-Event-ID without repeating what the client has", async () => {
    const { id, eventIds } = await createLiveDeployment();
    const sse = await open(id, eventIds[1]);
    await sse.waitFor((f) => f.event === "state", { timeoutMs: 2_000, what: "the first state" });
    expect(await delivery(sse, id, "event 4")).toBeLessThan(1_000);
    expect(messages(sse)).toEqual(["event 3", "event 4"]);
    await sse.close();
  });

  it("feeds every viewer of a deployment from one feed, each event once", async () => {
    const { id } = await createLiveDeployment();
    const viewers = await Promise.all(Array.from({ length: 25 }, () => open(id)));
    await Promise.all(viewers.map((v) => v.waitFor((f) => f.event === "state", { timeoutMs: 5_000, what: "the first state" })));
    expect(countDeploymentFeeds()).toBe(2); // this deployment's and the keeper's
    await append(id, "for everyone");
    await Promise.all(viewers.map((v) => v.waitFor(withMessage("for everyone"), { timeoutMs: 2_000, what: "the shared event" })));
    for (const v of viewers) expect(messages(v)).toEqual(["event 1", "event 2", "event 3", "for everyone"]);
    await Promise.all(viewers.map((v) => v.close()));
    await expect.poll(() => countDeploymentFeeds(), { timeout: 2_000 }).toBe(1);
  });

  it("delivers an event whose transaction commits after a later one", async () => {
    const { id } = await createLiveDeployment(1);
    const sse = await open(id);
    await sse.waitFor((f) => f.event === "state", { timeoutMs: 2_000, what: "the first state" });
    let inserted!: () => void;
    let commit!: () => void;
    const insertedLate = new Promise<void>((resolve) => (inserted = resolve));
    const gate = new Promise<void>((resolve) => (commit = resolve));
    const late = db().$transaction(
      async (tx) => {
        await appendEvent(tx, { deploymentId: id, type: "step_started", message: "taken first, committed last" });
        inserted();
        await gate;
      },
      { timeout: 20_000 },
    );
    await insertedLate;
    expect(await delivery(sse, id, "taken second, committed first")).toBeLessThan(1_000);
    const started = performance.now();
    commit();
    await late;
    const frame = await sse.waitFor(withMessage("taken first, committed last"), { timeoutMs: 2_000, what: "the late event" });
    expect(frame.at - started).toBeLessThan(1_000);
    expect(messages(sse)).toEqual(["event 1", "taken second, committed first", "taken first, committed last"]);
    await sse.close();
  });

  it("catches an event whose notification was lost with the safety poll", async () => {
    const { id } = await createLiveDeployment(1);
    const sse = await open(id);
    await sse.waitFor((f) => f.event === "state", { timeoutMs: 2_000, what: "the first state" });
    // Triggers do not fire under replication role "replica": the insert sends no notification.
    await db().$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
      await appendEvent(tx, { deploymentId: id, type: "step_started", message: "unannounced" });
    });
    const started = performance.now();
    const frame = await sse.waitFor(withMessage("unannounced"), { timeoutMs: 7_000, what: "the unannounced event" });
    expect(frame.at - started).toBeLessThan(5_500);
    await sse.close();
  });

  it("reconnects its LISTEN connection when Postgres drops it", async () => {
    const { id } = await createLiveDeployment(1);
    const sse = await open(id);
    await sse.waitFor((f) => f.event === "state", { timeoutMs: 2_000, what: "the first state" });
    const [before] = await listenerPids();
    expect(before).toBeDefined();
    await db().$queryRaw`SELECT pg_terminate_backend(${before}::int)`;
    // Written while nobody listens: read when the connection is back.
    await append(id, "while reconnecting");
    await sse.waitFor(withMessage("while reconnecting"), { timeoutMs: 3_000, what: "the event written during the reconnect" });
    await expect.poll(listenerPids, { timeout: 3_000 }).toEqual([expect.any(Number)]);
    expect(await listenerPids()).not.toContain(before);
    await new Promise((resolve) => setTimeout(resolve, 200)); // its LISTEN, just after it connects
    expect(await delivery(sse, id, "after reconnecting")).toBeLessThan(1_000);
    await sse.close();
  });

  it("ends after the final state of a finished deployment", async () => {
    const { id } = await createLiveDeployment(1);
    const sse = await open(id);
    await sse.waitFor((f) => f.event === "state", { timeoutMs: 2_000, what: "the first state" });
    await db().$transaction(async (tx) => {
      await appendEvent(tx, { deploymentId: id, type: "state_changed", message: "succeeded" });
      await tx.deployment.update({
        where: { id },
        data: { state: "succeeded", activeTargetId: null, finishedAt: new Date(), trafficPercent: 100 },
      });
    });
    await sse.ended;
    const last = sse.frames.at(-1)!;
    expect(last.event).toBe("state");
    expect(last.data).toMatchObject({ state: "succeeded", isTerminal: true, isActive: false });
    expect(messages(sse)).toEqual(["event 1", "succeeded"]);
  });
});
