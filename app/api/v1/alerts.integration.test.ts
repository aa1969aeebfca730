// GET /api/v1/alerts and POST /api/v1/alerts/{id}/acknowledge through the real route handlers and database:
// filters by state and severity, acknowledgement with the actor (once; never of a resolved alert), audited,
// and refused — changing nothing — for roles that may not, unknown keys, NUL characters and bad filters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/principal";
import { disconnectDb, getDb } from "@/lib/db";
import { openAlert } from "@/lib/services/alerts/open-alert";
import { resolveAlert } from "@/lib/services/alerts/resolve-alert";
import { callRoute } from "@/lib/testing/catalog-fixtures";
import { createReleaseWorld } from "@/lib/testing/release-fixtures";
import * as acknowledgeRoute from "./alerts/[id]/acknowledge/route";
import * as alertsRoute from "./alerts/route";

let world: Awaited<ReturnType<typeof createReleaseWorld>>;
const ids: Record<"p1" | "p2" | "p4", string> = { p1: "", p2: "", p4: "" };
const at = new Date("2026-12-02T10:00:00Z");

const list = (query: string, as = world.people.viewer) =>
  callRoute(alertsRoute.GET, { as, query: `?service=${world.service.slug}&${query}` });
const acknowledge = (id: string, as: (typeof world.people)[keyof typeof world.people], body: unknown = {}) =>
  callRoute(acknowledgeRoute.POST, { as, params: { id }, body });

async function unchanged(call: () => Promise<{ status: number; body: any }>, status: number, field?: string) {
  const count = async () => ({
    audit: await getDb().auditEvent.count(),
    acknowledged: await getDb().alert.count({ where: { acknowledgedAt: { not: null } } }),
  });
  const before = await count();
  const { status: got, body } = await call();
  expect(got, JSON.stringify(body)).toBe(status);
  if (field) expect(body.errors.map((e: { path: string }) => e.path)).toContain(field);
  expect(await count()).toEqual(before);
  return body;
}

beforeAll(async () => {
  world = await createReleaseWorld();
  const base = { source: "rule" as const, summary: null, at, actor: SYSTEM_ACTOR };
  ids.p1 = (
    await openAlert({ ...base, targetId: world.productionTarget.id, fingerprint: "a", name: "Error rate above 1%", severity: "P1" })
  ).id;
  ids.p2 = (
    await openAlert({ ...base, targetId: world.productionTarget.id, fingerprint: "b", name: "p95 latency above 2 s", severity: "P2" })
  ).id;
  ids.p4 = (await openAlert({ ...base, targetId: world.stagingTarget.id, fingerprint: "c", name: "Info", severity: "P4" })).id;
  await resolveAlert({ alertId: ids.p4, at: new Date(at.getTime() + 60_000), reason: "back within the rule", actor: SYSTEM_ACTOR });
});
afterAll(() => disconnectDb());

describe("GET /api/v1/alerts", () => {
  it("lists newest first with state, target and times, and filters by state and severity", async () => {
    const all = await list("");
    expect(all.status).toBe(200);
    expect(all.body.items.map((a: { id: string }) => a.id).sort()).toEqual(Object.values(ids).sort());
    const p1 = all.body.items.find((a: { id: string }) => a.id === ids.p1);
    expect(p1).toMatchObject({
      name: "Error rate above 1%",
      severity: "P1",
      state: "open",
      source: "rule",
      startedAt: at.toISOString(),
      acknowledgedAt: null,
      resolvedAt: null,
      target: { id: world.productionTarget.id, service: { slug: world.service.slug }, environment: { slug: world.production.slug } },
    });
    expect(all.body.unresolvedBySeverity.P1).toBeGreaterThanOrEqual(1);

    const unresolved = await list("state=unresolved");
    expect(unresolved.body.items.map((a: { id: string }) => a.id).sort()).toEqual([ids.p1, ids.p2].sort());
    const resolved = await list("state=resolved");
    expect(resolved.body.items).toMatchObject([{ id: ids.p4, state: "resolved", resolvedAt: "2026-12-02T10:01:00.000Z" }]);
    expect((await list("severity=P2")).body.items.map((a: { id: string }) => a.id)).toEqual([ids.p2]);
    expect((await list(`environment=${world.staging.slug}`)).body.items.map((a: { id: string }) => a.id)).toEqual([ids.p4]);
  });

  it("refuses an unknown state, severity or key, naming it", async () => {
    await unchanged(() => list("state=firing"), 422, "query.state");
    await unchanged(() => list("severity=P5"), 422, "query.severity");
    await unchanged(() => list("sevrity=P1"), 422, "query");
  });
});

describe("POST /api/v1/alerts/{id}/acknowledge", () => {
  it("records who acknowledged, once, and audits it; the alert stays unresolved", async () => {
    const { status, body } = await acknowledge(ids.p1, world.people.oncall, { note: "looking at the 5xx" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: ids.p1, state: "acknowledged", acknowledgedBy: { name: "Otto Oncall" }, resolvedAt: null });
    const audit = await getDb().auditEvent.findMany({ where: { action: "alert.acknowledged", subjectId: ids.p1 } });
    expect(audit).toMatchObject([
      {
        actorLabel: "token:Otto Oncall token",
        actorId: world.people.oncall.principal.userId,
        details: { note: "looking at the 5xx", severity: "P1" },
      },
    ]);
    expect((await list("state=acknowledged")).body.items.map((a: { id: string }) => a.id)).toEqual([ids.p1]);

    const again = await unchanged(() => acknowledge(ids.p1, world.people.rm1), 409);
    expect(again.detail).toMatch(/Otto Oncall acknowledged it at/);
  });

  it("refuses a resolved alert, an unknown one, roles that may not, unknown keys and NUL characters, changing nothing", async () => {
    expect((await unchanged(() => acknowledge(ids.p4, world.people.oncall), 409)).detail).toMatch(
      /it was resolved at 2026-12-02T10:01:00.000Z/,
    );
    await unchanged(() => acknowledge("no-such-alert", world.people.oncall), 404);
    await unchanged(() => acknowledge(ids.p2, world.people.developer), 403);
    await unchanged(() => acknowledge(ids.p2, world.people.viewer), 403);
    await unchanged(() => acknowledge(ids.p2, world.people.oncall, { note: "x", by: "me" }), 422, "body");
    await unchanged(() => acknowledge(ids.p2, world.people.oncall, { note: "a\u0000b" }), 422);
    await unchanged(() => acknowledge(ids.p2, world.people.oncall, { note: "x".repeat(1001) }), 422, "body.note");
    expect((await acknowledge(ids.p2, world.people.admin)).body).toMatchObject({
      state: "acknowledged",
      acknowledgedBy: { name: "Ada Admin" },
    });
  });
});
