// GET /api/v1/slos and GET /api/v1/targets/{id}/sli through the real handlers and database, with rollup rows
// whose budget, burn rates and freeze were computed by hand: half a budget left, a spent budget in a freezing
// environment, a target with no traffic ("not enough data", never NaN or 100 %), and a release failing 2 % of
// its requests in the last hour (20× burn: the fast rule pages).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { createPrincipal, createRelease, createTarget } from "@/lib/services/rollout/testing/engine-fixtures";
import { callRoute, createCatalogWorld } from "@/lib/testing/catalog-fixtures";
import { readBurnRates } from "@/lib/services/sli/read-burn-rates";
import * as environmentRoute from "./environments/[slug]/route";
import * as slosRoute from "./slos/route";
import * as sliRoute from "./targets/[id]/sli/route";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let world: Awaited<ReturnType<typeof createCatalogWorld>>;
const targets: Record<"half" | "spent" | "idle" | "burning", { targetId: string; serviceSlug: string }> = {} as never;
let deploymentId: string;

function rows(targetId: string, resolution: "minute" | "hour", starts: Date[], requests: number, errors: number) {
  return starts.map((bucketStart) => ({
    targetId,
    resolution,
    bucketStart,
    requests,
    errors,
    latencyCounts: [0, 0, 0, 0, requests, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    cpuPercent: 12,
    memoryPercent: 40,
  }));
}

beforeAll(async () => {
  world = await createCatalogWorld();
  const db = getDb();
  const now = Date.now();
  const wholeHours = Array.from({ length: 10 }, (_, k) => new Date(Math.floor(now / HOUR) * HOUR - (k + 2) * HOUR));
  const lastMinutes = Array.from({ length: 30 }, (_, i) => new Date(Math.floor(now / MINUTE) * MINUTE - (i + 1) * MINUTE));
  for (const name of ["half", "spent", "idle", "burning"] as const) {
    const { service, target, environment } = await createTarget({ strategy: "rolling" });
    if (name === "spent") await db.environment.update({ where: { id: environment.id }, data: { budgetFreeze: true } });
    targets[name] = { targetId: target.id, serviceSlug: service.slug };
  }
  await db.sliRollup.createMany({
    data: [
      ...rows(targets.half.targetId, "hour", wholeHours, 10_000, 5),
      ...rows(targets.spent.targetId, "hour", wholeHours, 10_000, 20),
      ...rows(targets.burning.targetId, "minute", lastMinutes, 100, 2),
    ],
  });
  const author = await createPrincipal("developer");
  const release = await createRelease(
    (await db.target.findUniqueOrThrow({ where: { id: targets.burning.targetId } })).serviceId,
    "2.0.0",
    author.userId!,
  );
  const deployment = await db.deployment.create({
    data: {
      releaseId: release.id,
      targetId: targets.burning.targetId,
      strategy: "rolling",
      state: "succeeded",
      startedAt: new Date(now - 20 * MINUTE),
    },
  });
  deploymentId = deployment.id;
});

afterAll(async () => {
  await disconnectDb();
});

async function sloOf(name: keyof typeof targets) {
  const answer = await callRoute(slosRoute.GET, { as: world.people.developer, query: `?service=${targets[name].serviceSlug}` });
  expect(answer.status).toBe(200);
  expect(answer.body.items).toHaveLength(1);
  return answer.body.items[0];
}

describe("GET /api/v1/slos", () => {
  it("gives the budget with the numbers behind it: 100,000 requests at 99.9 % allow 100 failures, 50 spent", async () => {
    const item = await sloOf("half");
    expect(item).toMatchObject({ targetId: targets.half.targetId, source: "rollups", error: null, objectives: { uptimePercent: 99.9 } });
    expect(item.slo.budget).toMatchObject({
      status: "ok",
      good: 99_950,
      bad: 50,
      total: 100_000,
      allowedBad: 100,
      remainingRatio: 0.5,
      windowDays: 30,
    });
    // 3 d holds the same ten hours: 0.05 % errors over a 0.1 % allowance burns 0.5×; the short windows have no rows
    expect(item.slo.burn.burnRates).toEqual({ "5m": null, "30m": null, "1h": null, "6h": null, "3d": 0.5 });
    expect(item.slo.burn.action).toBeNull();
    expect(item.slo.freeze).toMatchObject({ allowed: true, frozen: false });
  });

  it("freezes deploys where the budget is spent and the environment asks for it, saying when it recovers", async () => {
    const item = await sloOf("spent");
    expect(item.environment.budgetFreeze).toBe(true);
    expect(item.slo.budget).toMatchObject({ status: "exhausted", bad: 200, allowedBad: 100, remainingRatio: -1 });
    expect(item.slo.freeze).toMatchObject({ allowed: false, frozen: true });
    expect(item.slo.freeze.reason).toMatch(/^Frozen: error budget spent, recovers around \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);
    expect(new Date(item.slo.freeze.recoversAt).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * HOUR);
  });

  it("says not enough data for a target without traffic", async () => {
    const item = await sloOf("idle");
    expect(item.slo.budget).toEqual({
      status: "not_enough_data",
      total: 0,
      minRequests: 100,
      reason: "Not enough data: 0 requests in the window, at least 100 are needed to judge the budget.",
      objectivePercent: 99.9,
      windowDays: 30,
    });
    expect(item.slo.current.objectives.map((o: { status: string }) => o.status)).toEqual(Array(6).fill("not_enough_data"));
    expect(JSON.stringify(item)).not.toMatch(/NaN|null%/);
  });

  it("pages on a release failing 2 % of its requests over the last hour (20× burn)", async () => {
    const item = await sloOf("burning");
    expect(item.slo.current).toMatchObject({ windowSeconds: 3600, requests: 3_000, errors: 60 });
    expect(item.slo.current.objectives[0]).toMatchObject({ id: "availability", value: 98, status: "missed", objective: 99.9 });
    expect(item.slo.burn.burnRates["1h"]).toBeCloseTo(20, 9);
    expect(item.slo.burn.burnRates["5m"]).toBeCloseTo(20, 9);
    expect(item.slo.burn.action).toBe("page");
    // the alert evaluator's seam reads the same decision
    const seam = await readBurnRates({ targetId: targets.burning.targetId, now: new Date() });
    expect(seam.action).toBe("page");
    expect(seam.rules.find((r) => r.rule.id === "fast")?.firing).toBe(true);
  });

  it("pages: 2 rows of at least the 4 targets here, and a page size over 100 is refused", async () => {
    const page = await callRoute(slosRoute.GET, { as: world.people.developer, query: "?pageSize=2&page=1" });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(4);
    const huge = await callRoute(slosRoute.GET, { as: world.people.developer, query: "?pageSize=500" });
    expect(huge.status).toBe(422);
    expect(JSON.stringify(huge.body)).toContain("pageSize");
  });

  it("refuses an unknown filter, naming it, and a caller whose token is not one", async () => {
    const bad = await callRoute(slosRoute.GET, { as: world.people.developer, query: "?bogus=1" });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("bogus");
    const anonymous = await slosRoute.GET(
      new Request("http://test/api/v1/slos", { headers: { authorization: "Bearer fdt_not-a-token" } }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(anonymous.status).toBe(401);
  });
});

describe("GET /api/v1/targets/{id}/sli", () => {
  it("charts the last hour per minute, with the deployment as a marker", async () => {
    const { status, body } = await callRoute(sliRoute.GET, {
      as: world.people.developer,
      params: { id: targets.burning.targetId },
      query: "?range=1h",
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ range: "1h", stepSeconds: 60, source: "rollups", objectives: { p95Ms: 1000 } });
    expect(body.points.length).toBeGreaterThanOrEqual(60);
    const filled = body.points.filter((p: { requests: number }) => p.requests > 0);
    expect(filled).toHaveLength(30);
    expect(filled[0]).toMatchObject({ requests: 100, errors: 2, availability: 98, errorRate: 2, cpu: 12, memory: 40 });
    expect(body.points.find((p: { requests: number }) => p.requests === 0)).toMatchObject({
      availability: null,
      errorRate: null,
      p95: null,
    });
    expect(body.deployments).toEqual([expect.objectContaining({ id: deploymentId, kind: "deploy", version: "2.0.0", state: "succeeded" })]);
  });

  it("refuses an unknown range naming it, and answers 404 for an unknown target", async () => {
    const bad = await callRoute(sliRoute.GET, { as: world.people.developer, params: { id: targets.burning.targetId }, query: "?range=2y" });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("range");
    const missing = await callRoute(sliRoute.GET, { as: world.people.developer, params: { id: "nope" }, query: "?range=1h" });
    expect(missing.status).toBe(404);
  });
});

describe("PATCH /api/v1/environments/{slug} budgetFreeze", () => {
  it("lets an admin turn the freeze on, audited, and refuses a non-boolean or a developer", async () => {
    const { environment } = await createTarget({ strategy: "rolling" });
    const params = { slug: environment.slug };
    const bad = await callRoute(environmentRoute.PATCH, { as: world.people.admin, method: "PATCH", params, body: { budgetFreeze: "yes" } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("body.budgetFreeze");
    const developer = await callRoute(environmentRoute.PATCH, {
      as: world.people.developer,
      method: "PATCH",
      params,
      body: { budgetFreeze: true },
    });
    expect(developer.status).toBe(403);
    expect((await getDb().environment.findUniqueOrThrow({ where: { id: environment.id } })).budgetFreeze).toBe(false);
    const ok = await callRoute(environmentRoute.PATCH, { as: world.people.admin, method: "PATCH", params, body: { budgetFreeze: true } });
    expect(ok.status).toBe(200);
    expect(ok.body.budgetFreeze).toBe(true);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "environment.policy_updated", subjectId: environment.id } });
    expect(audit.details).toMatchObject({ changes: { budgetFreeze: { from: false, to: true } } });
  });
});
