// The analysis read routes through the real handlers and database: a deployment's runs with every
// measurement (here, error measurements of an unreachable Prometheus, recorded by a real tick), and
// Flightdeck's own Prometheus metrics computed from Postgres; both need a token or a session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { DEFAULT_ANALYSIS_CONFIG } from "@/lib/domain/analysis/analysis-config";
import { parseServiceAnalysis } from "@/lib/domain/analysis/service-analysis";
import { runAnalysisTick } from "@/lib/services/analysis/run-analysis-tick";
import { createPrincipal, createRelease, createTarget } from "@/lib/services/rollout/testing/engine-fixtures";
import { callRoute, createCatalogWorld } from "@/lib/testing/catalog-fixtures";
import { freePort } from "@/lib/testing/own-redis";
import * as analysisRoute from "./deployments/[id]/analysis/route";
import * as metricsRoute from "./metrics/route";
import * as servicesRoute from "./services/route";
import * as serviceRoute from "./services/[id]/route";

let world: Awaited<ReturnType<typeof createCatalogWorld>>;
let deploymentId: string;

beforeAll(async () => {
  world = await createCatalogWorld();
  const db = getDb();
  const { service, target } = await createTarget({ strategy: "canary" });
  await db.service.update({
    where: { id: service.id },
    data: {
      analysis: {
        enabled: true,
        consecutiveErrorLimit: 0,
        triggers: [{ kind: "threshold", name: "errors", metric: "error_rate", comparison: ">", threshold: 5, windowSeconds: 60 }],
      },
    },
  });
  await db.target.update({
    where: { id: target.id },
    data: { metricsSource: { type: "prometheus", url: `http://127.0.0.1:${await freePort()}`, timeoutMs: 1000 } },
  });
  const release = await createRelease(service.id, "3.0.0", (await createPrincipal("developer")).userId!);
  const deployment = await db.deployment.create({
    data: {
      releaseId: release.id,
      targetId: target.id,
      strategy: "canary",
      state: "stepping",
      revision: "cand",
      replacesRevision: "stable",
    },
  });
  deploymentId = deployment.id;
  await runAnalysisTick({ deploymentId, now: new Date() });
});
afterAll(() => disconnectDb());

// Outside Next's request scope a request with no credentials cannot reach the session lookup; a bad token and
// a non-bearer scheme take the same 401 path the wrapper uses for every route.
const anonymous = async (handler: (r: Request, c?: { params: Promise<Record<string, string>> }) => Promise<Response>, params = {}) => {
  const statuses = [];
  for (const authorization of ["Bearer fdt_not-a-real-token", "Basic abc"])
    statuses.push(
      (await handler(new Request("http://test/api/v1/x", { headers: { authorization } }), { params: Promise.resolve(params) })).status,
    );
  return { status: new Set(statuses).size === 1 ? statuses[0] : statuses.join(",") };
};

describe("GET /api/v1/deployments/{id}/analysis", () => {
  it("returns each run with every measurement, the query and the error", async () => {
    const { status, body } = await callRoute(analysisRoute.GET, { as: world.people.developer, params: { id: deploymentId } });
    expect(status).toBe(200);
    expect(body.analysisEnabled).toBe(true);
    expect(body.runs).toHaveLength(1);
    expect(body.runs[0]).toMatchObject({ phase: "canary_step", status: "finished", verdict: "inconclusive" });
    expect(body.runs[0].measurements.map((m: { revision: string }) => m.revision)).toEqual(["candidate", "stable"]);
    expect(body.runs[0].measurements[0]).toMatchObject({
      trigger: "errors",
      metric: "error_rate",
      revisionName: "cand",
      value: null,
      sampleCount: 0,
      windowSeconds: 60,
      threshold: "error_rate > 5 % over 60 s",
      // The configuration still holds this trigger as measured, so its number comes with the text.
      thresholdValue: 5,
      verdict: "error",
      error: expect.stringContaining("could not be reached"),
      query: expect.stringContaining('revision="cand"'),
    });
  });

  it("answers 404 for an unknown deployment and 401 without a valid token", async () => {
    expect((await callRoute(analysisRoute.GET, { as: world.people.developer, params: { id: "nope" } })).status).toBe(404);
    expect((await anonymous(analysisRoute.GET, { id: deploymentId })).status).toBe(401);
  });
});

describe("GET /api/v1/metrics", () => {
  it("serves flightdeck_ metrics from Postgres in the Prometheus text format", async () => {
    const response = await metricsRoute.GET(
      new Request("http://test/api/v1/metrics", { headers: { authorization: `Bearer ${world.people.developer.token}` } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const db = getDb();
    const stepping = await db.deployment.count({ where: { state: "stepping" } });
    const inconclusive = await db.analysisRun.count({ where: { status: "finished", verdict: "inconclusive" } });
    expect(text).toContain(`flightdeck_deployments{state="stepping"} ${stepping}\n`);
    expect(text).toContain(
      `flightdeck_deployments{state="rolled_back"} ${await db.deployment.count({ where: { state: "rolled_back" } })}\n`,
    );
    expect(text).toContain(`flightdeck_analysis_verdicts_total{verdict="inconclusive"} ${inconclusive}\n`);
    expect(inconclusive).toBeGreaterThanOrEqual(1);
    expect(text).toContain("# TYPE flightdeck_rollbacks_total counter");
    expect(text).toContain("# TYPE flightdeck_step_duration_seconds histogram");
  });

  it("answers 401 without a valid token", async () => {
    expect((await anonymous(metricsRoute.GET)).status).toBe(401);
  });
});

describe("PATCH /api/v1/services/{id} with analysis", () => {
  it("stores a valid configuration with the documents' defaults filled in and audits it; refuses a bad one naming the field", async () => {
    const { body: service } = await callRoute(servicesRoute.POST, {
      as: world.people.admin,
      body: { slug: world.slug(), name: "Analysed" },
    });
    const patch = (analysis: unknown) =>
      callRoute(serviceRoute.PATCH, { as: world.people.admin, method: "PATCH", params: { id: service.id }, body: { analysis } });
    const refused = await patch({ enabled: true, intervalSeconds: 0 });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: "body.analysis.intervalSeconds" })]);
    expect((await getDb().service.findUniqueOrThrow({ where: { id: service.id } })).analysis).toEqual({ enabled: false });

    expect((await patch({ enabled: true, intervalSeconds: 5 })).status).toBe(200);
    const stored = (await getDb().service.findUniqueOrThrow({ where: { id: service.id } })).analysis;
    expect(parseServiceAnalysis(stored)).toEqual({
      ok: true,
      value: { enabled: true, config: { ...DEFAULT_ANALYSIS_CONFIG, intervalSeconds: 5 } },
    });
    const audit = await getDb().auditEvent.findMany({ where: { action: "service.updated", subjectId: service.id } });
    expect(audit).toHaveLength(1);
    // The settings form reads it back through the service, defaults filled in.
    const read = await callRoute(serviceRoute.GET, { as: world.people.developer, params: { id: service.id } });
    expect(read.body.analysis).toEqual({ enabled: true, ...DEFAULT_ANALYSIS_CONFIG, intervalSeconds: 5 });
  });
});
