// The overview matrix and the audit log's cursor paging against the real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { auditQuery } from "@/lib/schemas/audit";
import { getOverview } from "./get-overview";
import { listAuditEvents } from "./list-audit-events";

const run = Date.now().toString(36);
const slug = (name: string) => `${name}-${run}`;

beforeAll(async () => {
  const db = getDb();
  const author = await db.user.create({ data: { email: `author-${run}@read.test`, name: "Author", role: "developer" } });
  const staging = await db.environment.create({
    data: { slug: slug("stg"), name: "Staging", promotionOrder: 9_000 + Math.floor(Math.random() * 500) },
  });
  const service = await db.service.create({ data: { slug: slug("svc"), name: `Svc ${run}`, owner: `Team Pay ${run}` } });
  await db.service.create({ data: { slug: slug("bare"), name: `Bare ${run}`, owner: `team search ${run}` } });
  await db.service.create({ data: { slug: slug("100pct"), name: `100% ${run}` } });
  await db.service.create({ data: { slug: slug("gone"), name: `Gone ${run}`, owner: `Team Gone ${run}`, archivedAt: new Date() } });
  const target = await db.target.create({ data: { serviceId: service.id, environmentId: staging.id } });
  const old = await db.release.create({
    data: { serviceId: service.id, version: "1.0.0", image: "img:1", digest: "sha256:1", authorId: author.id },
  });
  const next = await db.release.create({
    data: { serviceId: service.id, version: "1.1.0", image: "img:2", digest: "sha256:2", authorId: author.id },
  });
  await db.deployment.create({
    data: { releaseId: old.id, targetId: target.id, strategy: "rolling", state: "succeeded", createdAt: new Date(Date.now() - 60_000) },
  });
  await db.deployment.create({
    data: { releaseId: next.id, targetId: target.id, strategy: "canary", state: "paused", trafficPercent: 10 },
  });
  await db.target.update({ where: { id: target.id }, data: { currentReleaseId: old.id } });
  for (let i = 0; i < 7; i++) {
    await db.auditEvent.create({
      data: { actorLabel: `pager-${run}@read.test`, action: `pager.${run}`, subjectType: "thing", subjectId: String(i) },
    });
  }
});
afterAll(() => disconnectDb());

describe("getOverview", () => {
  it("puts the current version and the latest deployment in each cell, and null where there is no target", async () => {
    const overview = await getOverview({ q: run });
    const column = overview.environments.findIndex((e) => e.slug === slug("stg"));
    const row = overview.rows.find((r) => r.slug === slug("svc"))!;
    expect(row.cells[column]).toMatchObject({
      currentVersion: "1.0.0",
      latestDeployment: { state: "paused", version: "1.1.0", trafficPercent: 10 },
    });
    expect(overview.rows.find((r) => r.slug === slug("bare"))!.cells[column]).toBeNull();
  });
});

describe("getOverview's search and filters", () => {
  const slugsOf = (overview: Awaited<ReturnType<typeof getOverview>>) => overview.rows.map((r) => r.slug);

  it("finds services by part of the name or the slug, case-insensitively, with % and _ taken literally", async () => {
    expect(slugsOf(await getOverview({ q: `SVC ${run}` }))).toEqual([slug("svc")]);
    expect(slugsOf(await getOverview({ q: `bare-${run}` }))).toEqual([slug("bare")]);
    expect(slugsOf(await getOverview({ q: `100% ${run}` }))).toEqual([slug("100pct")]);
    expect(slugsOf(await getOverview({ q: `1_0` }))).toEqual([]);
    expect(slugsOf(await getOverview({ q: `gone-${run}` }))).toEqual([]);
  });

  it("filters by owner whatever its case, lists the active services' owners, and counts services before filtering", async () => {
    const overview = await getOverview({ owner: `team pay ${run}` });
    expect(slugsOf(overview)).toEqual([slug("svc")]);
    expect(overview.owners).toEqual(expect.arrayContaining([`Team Pay ${run}`, `team search ${run}`]));
    expect(overview.owners).not.toContain(`Team Gone ${run}`);
    expect(overview.totalServices).toBe(await getDb().service.count({ where: { archivedAt: null } }));
  });

  it("pages services in name order and counts those that match on every page", async () => {
    const first = await getOverview({ q: run, pageSize: 2 });
    const second = await getOverview({ q: run, pageSize: 2, page: 2 });
    expect(first.rows.map((r) => r.name)).toEqual([`100% ${run}`, `Bare ${run}`]);
    expect(second.rows.map((r) => r.name)).toEqual([`Svc ${run}`]);
    expect(first).toMatchObject({ matchingServices: 3, page: 1, pageSize: 2 });
    expect(second.rows[0]!.cells.some((cell) => cell?.currentVersion === "1.0.0")).toBe(true);
  });

  it("shows one environment's column when asked, and refuses an unknown one naming the field", async () => {
    const overview = await getOverview({ environment: slug("stg"), q: `Svc ${run}` });
    expect(overview.environments.map((e) => e.slug)).toEqual([slug("stg")]);
    expect(overview.rows[0]!.cells).toEqual([expect.objectContaining({ currentVersion: "1.0.0" })]);
    await expect(getOverview({ environment: `nowhere-${run}` })).rejects.toMatchObject({
      code: "validation",
      fields: [{ path: "query.environment", message: "unknown environment" }],
    });
  });
});

describe("listAuditEvents", () => {
  it("pages newest first by id, with cursors both ways", async () => {
    const filters = { action: `pager.${run}`, limit: "3" };
    const first = await listAuditEvents(auditQuery.parse(filters));
    expect(first.items.map((e) => e.subjectId)).toEqual(["6", "5", "4"]);
    expect(first.newerCursor).toBeNull();
    const second = await listAuditEvents(auditQuery.parse({ ...filters, before: first.olderCursor! }));
    expect(second.items.map((e) => e.subjectId)).toEqual(["3", "2", "1"]);
    const last = await listAuditEvents(auditQuery.parse({ ...filters, before: second.olderCursor! }));
    expect(last.items.map((e) => e.subjectId)).toEqual(["0"]);
    expect(last.olderCursor).toBeNull();
    const back = await listAuditEvents(auditQuery.parse({ ...filters, after: second.newerCursor! }));
    expect(back.items.map((e) => e.subjectId)).toEqual(["6", "5", "4"]);
    expect(back.newerCursor).toBeNull();
  });

  it("filters by actor substring, case-insensitively", async () => {
    const page = await listAuditEvents(auditQuery.parse({ actor: `PAGER-${run}`, limit: "50" }));
    expect(page.items).toHaveLength(7);
  });
});
