// A target's metrics source through the real route handlers and database: stored as the metrics source's own
// schema parses it, audited from → to, returned with the PromQL it will run, and refused naming the field —
// with nothing stored — when the URL, a metric key, a string's characters or its length are wrong.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { DEFAULT_QUERIES } from "@/lib/metrics/prometheus/query-templates";
import { callRoute, createCatalogWorld, refusedNaming, sampleLocalConfig } from "@/lib/testing/catalog-fixtures";
import * as servicesRoute from "./services/route";
import * as targetsRoute from "./targets/route";
import * as targetRoute from "./targets/[id]/route";

let world: Awaited<ReturnType<typeof createCatalogWorld>>;
const admin = () => world.people.admin;
const storedSource = async (id: string) => (await getDb().target.findUniqueOrThrow({ where: { id } })).metricsSource;

const newService = async (): Promise<string> =>
  (await callRoute(servicesRoute.POST, { as: admin(), body: { slug: world.slug(), name: "Metrics" } })).body.id;
async function newTarget(override: Record<string, unknown> = {}, serviceId?: string) {
  const body = { environment: world.environment.slug, providerType: "local", providerConfig: sampleLocalConfig };
  return callRoute(targetsRoute.POST, { as: admin(), body: { serviceId: serviceId ?? (await newService()), ...body, ...override } });
}
const patch = (id: string, body: unknown) => callRoute(targetRoute.PATCH, { as: admin(), method: "PATCH", params: { id }, body });
const prometheus = { type: "prometheus", url: "http://prometheus.internal:9090" };

beforeAll(async () => {
  world = await createCatalogWorld();
});
afterAll(() => disconnectDb());

describe("a target's metrics source", () => {
  it("is the local proxy unless said otherwise, and runs no PromQL", async () => {
    const { status, body } = await newTarget();
    expect(status).toBe(201);
    expect(body).toMatchObject({ metricsSource: { type: "local" }, metricsQueries: null });
    expect(await storedSource(body.id)).toEqual({ type: "local" });
  });

  it("stores Prometheus with its defaults and overrides, audits the change, and returns the queries it runs", async () => {
    const { body: target } = await newTarget({ metricsSource: prometheus });
    expect(target.metricsSource).toEqual({ ...prometheus, timeoutMs: 5000, flavour: "flightdeck", queries: {}, sampleQueries: {} });
    const source = {
      ...prometheus,
      timeoutMs: 2000,
      selector: 'job="api",version="{{revision}}"',
      queries: { p99: "max(p99{{{selector}}})" },
    };
    const { status, body } = await patch(target.id, { metricsSource: source });
    expect(status).toBe(200);
    expect(body.metricsSource).toEqual({ ...source, flavour: "flightdeck", sampleQueries: {} });
    expect(await storedSource(target.id)).toEqual({ ...source, flavour: "flightdeck", sampleQueries: {} });

    const [entry, ...more] = await getDb().auditEvent.findMany({ where: { action: "target.updated", subjectId: target.id } });
    expect(more).toEqual([]);
    expect(entry!.details).toMatchObject({
      changes: { metricsSource: { from: { ...prometheus, timeoutMs: 5000 }, to: { ...source, sampleQueries: {} } } },
    });
    // The same source again changes nothing, however Postgres ordered the stored keys.
    await patch(target.id, { metricsSource: source });
    expect(await getDb().auditEvent.count({ where: { action: "target.updated", subjectId: target.id } })).toBe(1);

    const read = await callRoute(targetRoute.GET, { as: world.people.developer, params: { id: target.id } });
    expect(read.status).toBe(200);
    expect(read.body.metricsSource).toEqual({ ...source, flavour: "flightdeck", sampleQueries: {} });
    expect(read.body.metricsQueries.selector).toBe(source.selector);
    expect(read.body.metricsQueries.queries.p99).toMatchObject({ value: 'max(p99{job="api",version="{{revision}}"})' });
    expect(read.body.metricsQueries.queries.error_rate).toMatchObject({
      value: DEFAULT_QUERIES.error_rate.value.replaceAll("{{selector}}", source.selector),
      isOverridden: { value: false, samples: false },
    });
  });

  it.each([
    ["a URL that is not http(s)", { ...prometheus, url: "file:///etc/passwd" }, "body.metricsSource.url"],
    ["an unknown source type", { type: "datadog" }, "body.metricsSource.type"],
    ["an unknown metric key", { ...prometheus, queries: { latency: "up" } }, "body.metricsSource.queries"],
    ["a misspelt key", { ...prometheus, query: { p99: "up" } }, "body.metricsSource"],
    ["an empty query", { ...prometheus, sampleQueries: { cpu: " " } }, "body.metricsSource.sampleQueries.cpu"],
    ["a NUL in a query", { ...prometheus, queries: { p95: "up\u0000" } }, "body.metricsSource.queries.p95"],
    ["an oversized query", { ...prometheus, queries: { p95: "x".repeat(4001) } }, "body.metricsSource.queries.p95"],
    ["an oversized URL", { ...prometheus, url: `http://prom/${"x".repeat(2100)}` }, "body.metricsSource.url"],
    ["a timeout out of range", { ...prometheus, timeoutMs: 0 }, "body.metricsSource.timeoutMs"],
  ])("refuses %s with 422 naming the field, on create and on edit, storing nothing", async (_, metricsSource, field) => {
    const { body: target } = await newTarget();
    const serviceId = await newService();
    await refusedNaming(() => newTarget({ metricsSource }, serviceId), 422, field);
    await refusedNaming(() => patch(target.id, { metricsSource }), 422, field);
    expect(await storedSource(target.id)).toEqual({ type: "local" });
    expect(await getDb().auditEvent.count({ where: { action: "target.updated", subjectId: target.id } })).toBe(0);
  });
});
