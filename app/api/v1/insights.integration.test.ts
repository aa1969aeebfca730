// Delivery metrics through the real route handlers and the run's database: a release's commit time accepted
// on POST /releases (bad ones refused, nothing written), the four figures of GET /api/v1/insights over a
// history written as the engine leaves it, and the Deployments list filtered to exactly what each figure counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { closeQueues } from "@/lib/queue/enqueue";
import { closeRedis } from "@/lib/redis";
import { countRows, createReleaseWorld, digestOf } from "@/lib/testing/release-fixtures";
import * as deploymentsRoute from "./deployments/route";
import * as insightsRoute from "./insights/route";
import * as releaseRoute from "./releases/[id]/route";
import * as releasesRoute from "./releases/route";

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
type World = Awaited<ReturnType<typeof createReleaseWorld>>;
let world: World;

async function call(handler: Handler, options: { token?: string; query?: string; body?: unknown; params?: Record<string, string> }) {
  const headers = { "content-type": "application/json", authorization: `Bearer ${options.token ?? world.people.viewer.token}` };
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const request = new Request(`http://test/api/v1/x${options.query ?? ""}`, { method: body ? "POST" : "GET", headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  return { status: response.status, body: await response.json() };
}

const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE);

/** A finished deployment as the engine leaves it, with the times the metrics read. */
async function record(options: {
  version: string;
  targetId?: string;
  kind?: "deploy" | "rollback";
  state: "succeeded" | "failed" | "rolled_back" | "aborted";
  startedAt: Date;
  finishedAt: Date;
  committedAt?: Date;
  errorAt?: Date;
  revision?: string;
  replacesRevision?: string;
}) {
  const db = getDb();
  const release =
    (await db.release.findFirst({ where: { serviceId: world.service.id, version: options.version } })) ??
    (await db.release.create({
      data: {
        serviceId: world.service.id,
        version: options.version,
        image: `svc:${options.version}`,
        digest: digestOf(`${world.tag}${options.version}`),
        authorId: world.people.author.principal.userId,
        committedAt: options.committedAt,
      },
    }));
  const deployment = await db.deployment.create({
    data: {
      releaseId: release.id,
      targetId: options.targetId ?? world.productionTarget.id,
      kind: options.kind ?? "deploy",
      strategy: "canary",
      state: options.state,
      revision: options.revision ?? `rev-${options.version}`,
      replacesRevision: options.replacesRevision,
      createdAt: options.startedAt,
      startedAt: options.startedAt,
      finishedAt: options.finishedAt,
    },
  });
  if (options.errorAt) {
    await db.deploymentEvent.create({
      data: { deploymentId: deployment.id, type: "error", message: "Analysis: rollback — error rate", createdAt: options.errorAt },
    });
  }
  return deployment;
}

let ids: Record<"good" | "reverted" | "undone" | "rollback" | "aborted" | "staging", string>;

beforeAll(async () => {
  world = await createReleaseWorld();
  const good = await record({ version: "1.0.0", state: "succeeded", committedAt: ago(180), startedAt: ago(130), finishedAt: ago(120) });
  // reverted by the analysis: its step failed at -85, traffic back on the replaced revision at -80
  const reverted = await record({
    version: "1.1.0",
    state: "rolled_back",
    committedAt: ago(100),
    startedAt: ago(90),
    errorAt: ago(85),
    finishedAt: ago(80),
  });
  // succeeded without a commit time, then rolled back by a person
  const undone = await record({ version: "1.2.0", state: "succeeded", startedAt: ago(65), finishedAt: ago(60) });
  const rollback = await record({
    version: "1.0.0",
    kind: "rollback",
    state: "succeeded",
    revision: "rev-1.0.0",
    replacesRevision: "rev-1.2.0",
    startedAt: ago(30),
    finishedAt: ago(29),
  });
  const aborted = await record({ version: "1.3.0", state: "aborted", startedAt: ago(20), finishedAt: ago(19) });
  const staging = await record({
    version: "1.3.0",
    targetId: world.stagingTarget.id,
    state: "succeeded",
    startedAt: ago(25),
    finishedAt: ago(24),
  });
  ids = { good: good.id, reverted: reverted.id, undone: undone.id, rollback: rollback.id, aborted: aborted.id, staging: staging.id };
});
afterAll(async () => {
  await closeQueues();
  await closeRedis();
  await disconnectDb();
});

describe("the release's commit time", () => {
  const release = (fields: Record<string, unknown>) => ({
    service: world.service.slug,
    image: "svc:2.0.0",
    digest: digestOf(`${world.tag}-commit`),
    commit: "a1b2c3d4",
    ...fields,
  });

  it("is accepted on POST /releases and shown on the release", async () => {
    const created = await call(releasesRoute.POST, {
      token: world.people.developer.token,
      body: release({ version: "2.0.0", committedAt: "2026-11-30T09:15:00+01:00" }),
    });
    expect(created).toMatchObject({ status: 201, body: { committedAt: "2026-11-30T08:15:00.000Z" } });
    const detail = await call(releaseRoute.GET, { params: { id: created.body.id } });
    expect(detail.body.release.committedAt).toBe("2026-11-30T08:15:00.000Z");
  });

  it("refuses a time without a zone, one in the future and a huge year, naming the field and writing nothing", async () => {
    const before = await countRows();
    const releases = await getDb().release.count();
    for (const committedAt of [
      "2026-11-30 09:15",
      "yesterday",
      new Date(Date.now() + 3_600_000).toISOString(),
      "+275760-09-13T00:00:00Z",
      1e20,
    ]) {
      const refused = await call(releasesRoute.POST, {
        token: world.people.developer.token,
        body: release({ version: "2.0.1", committedAt }),
      });
      expect(refused.status).toBe(422);
      expect(refused.body.errors.map((f: { path: string }) => f.path)).toEqual(["body.committedAt"]);
    }
    expect(await countRows()).toEqual(before);
    expect(await getDb().release.count()).toBe(releases);
  });
});

describe("GET /api/v1/insights", () => {
  it("gives the four figures of production, each with the deployments it counts", async () => {
    const { status, body } = await call(insightsRoute.GET, { query: `?service=${world.service.slug}&range=7d` });
    expect(status).toBe(200);
    expect(body.environments.map((e: { slug: string }) => e.slug)).toEqual([world.production.slug]);
    const figures = body.overall;
    expect(figures.deploymentFrequency).toMatchObject({ count: 2, perDay: 2 / 7, deploymentIds: [ids.good, ids.undone] });
    // 1.0.0: committed -180, succeeded -120; 1.2.0 has no commit time
    expect(figures.leadTime).toEqual({ medianSeconds: 3600, count: 1, withoutCommitTime: 1, deploymentIds: [ids.good] });
    expect(figures.changeFailureRate).toMatchObject({
      failures: 2,
      total: 3,
      failureIds: [ids.reverted, ids.undone],
      countedIds: [ids.good, ids.reverted, ids.undone],
      notCounted: { aborted: 1, neverStarted: 0 },
    });
    expect(figures.changeFailureRate.rate).toBeCloseTo(2 / 3, 12);
    // 5 minutes (error → revert done) and 1 minute (rollback started → finished): median 3 minutes
    expect(figures.timeToRestore).toMatchObject({ medianSeconds: 180, restored: 2, notRestored: 0 });
    expect(figures.timeToRestore.failures).toMatchObject([
      { deploymentId: ids.reverted, cause: "reverted", restoredById: ids.reverted, restoreSeconds: 300 },
      { deploymentId: ids.undone, cause: "rolled_back_after_success", restoredById: ids.rollback, restoreSeconds: 60 },
    ]);
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({ service: { slug: world.service.slug }, environment: { slug: world.production.slug } });
  });

  it("links every figure to a Deployments list of exactly those deployments", async () => {
    const { body } = await call(insightsRoute.GET, { query: `?service=${world.service.slug}` });
    const listed = async (link: string) => {
      const page = await call(deploymentsRoute.GET, { query: link.slice("/deployments".length) });
      expect(page.status).toBe(200);
      return page.body.items.map((d: { id: string }) => d.id).sort();
    };
    const links = body.overall.links;
    expect(await listed(links.deployments)).toEqual([ids.good, ids.undone].sort());
    expect(await listed(links.lead_time)).toEqual([ids.good]);
    expect(await listed(links.changes)).toEqual([ids.good, ids.reverted, ids.undone].sort());
    expect(await listed(links.change_failures)).toEqual([ids.reverted, ids.undone].sort());
    expect(await listed(links.restored)).toEqual([ids.reverted, ids.undone].sort());
    expect(await listed(links.not_restored)).toEqual([]);
    expect(await listed(`/deployments?ids=${ids.staging},${ids.aborted}`)).toEqual([ids.staging, ids.aborted].sort());
  });

  it("reads another environment when asked, and a range that ended before the history as empty", async () => {
    const staging = await call(insightsRoute.GET, { query: `?service=${world.service.slug}&environment=${world.staging.slug}` });
    expect(staging.body.overall.deploymentFrequency.deploymentIds).toEqual([ids.staging]);
    const from = ago(60 * 24 * 10).toISOString();
    const to = ago(60 * 24 * 9).toISOString();
    const past = await call(insightsRoute.GET, { query: `?service=${world.service.slug}&from=${from}&to=${to}` });
    expect(past.body.overall).toMatchObject({ deploymentFrequency: { count: 0 }, changeFailureRate: { rate: null, total: 0 } });
    expect(past.body.rows).toEqual([]);
  });

  it("refuses unknown slugs, ranges and reversed or overlong spans with 422 naming the field", async () => {
    const field = async (query: string) => (await call(insightsRoute.GET, { query })).body.errors?.[0]?.path;
    expect(await field("?service=no-such-service")).toBe("query.service");
    expect(await field("?environment=no-such-env")).toBe("query.environment");
    expect(await field("?range=2y")).toBe("query.range");
    expect(await field("?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z")).toBe("query.from");
    expect(await field("?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")).toBe("query.from");
    expect(await field("?from=%2B275760-01-01")).toBe("query.from");
    expect((await call(deploymentsRoute.GET, { query: "?insight=everything" })).body.errors[0].path).toBe("query.insight");
  });
});
