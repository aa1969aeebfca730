// Smoke suites and service secrets through the real route handlers and database: a suite is validated and
// audited without header values; a secret is stored encrypted, never returned by the API nor written to the
// audit log, and only loadServiceSecrets (the smoke runner's door) reads it back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { loadServiceSecrets } from "@/lib/services/service-secrets/load-service-secrets";
import { BUILT_IN_SMOKE_SUITE } from "@/lib/smoke/built-in-suite";
import { callRoute, createCatalogWorld, refused, refusedNaming } from "@/lib/testing/catalog-fixtures";
import * as servicesRoute from "./services/route";
import * as suiteRoute from "./services/[id]/smoke-suite/route";
import * as secretsRoute from "./services/[id]/secrets/route";
import * as secretRoute from "./services/[id]/secrets/[name]/route";

let world: Awaited<ReturnType<typeof createCatalogWorld>>;
const admin = () => world.people.admin;
const SECRET = "tok-3f9a-very-secret-value";

async function newService(): Promise<string> {
  const { body } = await callRoute(servicesRoute.POST, { as: admin(), body: { slug: world.slug(), name: "Secretive" } });
  return body.id;
}
const putSuite = (id: string, body: unknown) => callRoute(suiteRoute.PUT, { as: admin(), method: "PUT", params: { id }, body });
const putSecret = (id: string, name: string, body: unknown, as = admin()) =>
  callRoute(secretRoute.PUT, { as, method: "PUT", params: { id, name }, body });

beforeAll(async () => {
  world = await createCatalogWorld();
});
afterAll(() => disconnectDb());

describe("the smoke suite", () => {
  it("stores a valid suite, reads it back, and audits a summary without header values", async () => {
    const id = await newService();
    const suite = {
      ...BUILT_IN_SMOKE_SUITE,
      stopAtFirstFailure: true,
      checks: [
        { kind: "http", name: "Health", path: "/health", headers: { Authorization: { secret: "API_TOKEN" }, "X-Literal": "literal-xyz" } },
        ...BUILT_IN_SMOKE_SUITE.checks.slice(1),
      ],
    };
    const saved = await putSuite(id, suite);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const read = await callRoute(suiteRoute.GET, { as: world.people.developer, params: { id } });
    expect(read.body.stopAtFirstFailure).toBe(true);
    expect(read.body.checks).toHaveLength(BUILT_IN_SMOKE_SUITE.checks.length);
    expect(read.body.checks[0]).toMatchObject({ name: "Health", expectStatus: 200, headers: { Authorization: { secret: "API_TOKEN" } } });
    const [entry] = await getDb().auditEvent.findMany({ where: { action: "service.smoke_suite_updated", subjectId: id } });
    expect(entry?.details).toMatchObject({ stopAtFirstFailure: true, secretsReferenced: ["API_TOKEN"] });
    expect(JSON.stringify(entry?.details)).not.toContain("literal-xyz");
  });

  it.each([
    ["a malformed suite", { checks: "all of them" }, "body.checks"],
    ["an unknown check kind", { checks: [{ kind: "ping", name: "Ping", path: "/" }] }, "body.checks.0.kind"],
    ["10,000 checks", { checks: Array.from({ length: 10_000 }, (_, i) => ({ kind: "http", name: `c${i}`, path: "/" })) }, "body.checks"],
    ["a path that leaves the URL", { checks: [{ kind: "http", name: "Out", path: "//evil.example" }] }, "body.checks.0.path"],
    ["a suite time limit below a second", { checks: [], timeoutMs: 5 }, "body.timeoutMs"],
  ])("refuses %s with 422 naming the field, storing nothing", async (_label, body, field) => {
    const id = await newService();
    const before = await getDb().service.findUniqueOrThrow({ where: { id }, select: { smokeSuite: true } });
    await refusedNaming(() => putSuite(id, body), 422, field);
    const after = await getDb().service.findUniqueOrThrow({ where: { id }, select: { smokeSuite: true } });
    expect(after.smokeSuite).toEqual(before.smokeSuite);
  });

  it("refuses a developer with 403", async () => {
    const id = await newService();
    await refused(
      () => callRoute(suiteRoute.PUT, { as: world.people.developer, method: "PUT", params: { id }, body: { checks: [] } }),
      403,
    );
  });
});

describe("service secrets", () => {
  it("stores the value encrypted and never returns or audits it", async () => {
    const id = await newService();
    const set = await putSecret(id, "API_TOKEN", { value: SECRET });
    expect(set.status).toBe(200);
    expect(JSON.stringify(set.body)).not.toContain(SECRET);
    const [raw] = await getDb().$queryRaw<{ valueEncrypted: string }[]>`
      SELECT "valueEncrypted" FROM "ServiceSecret" WHERE "serviceId" = ${id} AND "name" = 'API_TOKEN'`;
    expect(raw?.valueEncrypted).toMatch(/^v1:/);
    expect(raw?.valueEncrypted).not.toContain(SECRET);
    expect((await putSecret(id, "API_TOKEN", { value: `${SECRET}-2` })).status).toBe(200);
    const list = await callRoute(secretsRoute.GET, { as: admin(), params: { id } });
    expect(list.body.items).toEqual([{ name: "API_TOKEN", createdAt: expect.any(String), updatedAt: expect.any(String) }]);
    expect(JSON.stringify(list.body)).not.toContain(SECRET);
    const audit = await getDb().auditEvent.findMany({ where: { subjectId: id, action: { startsWith: "service.secret" } } });
    expect(audit.map((e) => e.action).sort()).toEqual(["service.secret_replaced", "service.secret_set"]);
    expect(JSON.stringify(audit.map((e) => e.details))).not.toContain(SECRET);
    expect(await loadServiceSecrets(id)).toEqual({ API_TOKEN: `${SECRET}-2` });
  });

  it("deletes a secret, audited, and 404s a missing one", async () => {
    const id = await newService();
    await putSecret(id, "OLD_KEY", { value: SECRET });
    const del = await callRoute(secretRoute.DELETE, { as: admin(), method: "DELETE", params: { id, name: "OLD_KEY" } });
    expect(del.status).toBe(200);
    expect(await loadServiceSecrets(id)).toEqual({});
    expect(await getDb().auditEvent.count({ where: { subjectId: id, action: "service.secret_deleted" } })).toBe(1);
    await refused(() => callRoute(secretRoute.DELETE, { as: admin(), method: "DELETE", params: { id, name: "OLD_KEY" } }), 404);
  });

  it.each([
    ["a lowercase name", "api_token", { value: "x" }, "params.name"],
    ["an empty value", "API_TOKEN", { value: "" }, "body.value"],
    ["a two-line value", "API_TOKEN", { value: "a\r\nX-Injected: 1" }, "body.value"],
  ])("refuses %s with 422 naming the field", async (_label, name, body, field) => {
    const id = await newService();
    await refusedNaming(() => putSecret(id, name, body), 422, field);
  });

  it("refuses a developer: no listing, no setting", async () => {
    const id = await newService();
    await refused(() => callRoute(secretsRoute.GET, { as: world.people.developer, params: { id } }), 403);
    await refused(() => putSecret(id, "API_TOKEN", { value: SECRET }, world.people.developer), 403);
  });
});
