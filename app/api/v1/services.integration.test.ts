// Onboarding services through the real route handlers and database: validation that names the field and
// stores nothing, slug uniqueness, one audit entry per change, and what archiving hides and refuses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { DEFAULT_SLOS, DEFAULT_SMOKE_SUITE } from "@/lib/domain/document-defaults";
import { callRoute, createCatalogWorld, refused, refusedNaming } from "@/lib/testing/catalog-fixtures";
import * as servicesRoute from "./services/route";
import * as serviceRoute from "./services/[id]/route";
import * as archiveRoute from "./services/[id]/archive/route";
import * as unarchiveRoute from "./services/[id]/unarchive/route";
import * as releasesRoute from "./releases/route";
import * as overviewRoute from "./overview/route";

let world: Awaited<ReturnType<typeof createCatalogWorld>>;
const admin = () => world.people.admin;
const auditOf = (action: string, subjectId: string) => getDb().auditEvent.findMany({ where: { action, subjectId } });
const create = (body: Record<string, unknown>) => callRoute(servicesRoute.POST, { as: admin(), body });

beforeAll(async () => {
  world = await createCatalogWorld();
});
afterAll(() => disconnectDb());

describe("creating a service", () => {
  it("stores it, audits it, and lists it", async () => {
    const slug = world.slug();
    const { status, body } = await create({ slug, name: "Billing API", repository: "acme/billing", owner: "payments", description: "" });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      slug,
      name: "Billing API",
      repository: "acme/billing",
      owner: "payments",
      description: null,
      archivedAt: null,
    });
    const [entry] = await auditOf("service.created", body.id);
    expect(entry?.actorId).toBe(admin().principal.userId);
    expect(entry?.details).toMatchObject({ slug, name: "Billing API", repository: "acme/billing" });
    const list = await callRoute(servicesRoute.GET, { as: world.people.developer });
    expect(list.body.items.map((s: { slug: string }) => s.slug)).toContain(slug);
    expect((await callRoute(serviceRoute.GET, { as: world.people.developer, params: { id: body.id } })).body.slug).toBe(slug);
  });

  it("refuses a duplicate slug with 409 naming it", async () => {
    const slug = world.slug();
    expect((await create({ slug, name: "First" })).status).toBe(201);
    const problem = await refusedNaming(() => create({ slug, name: "Second" }), 409, "body.slug");
    expect(problem.detail).toContain(slug);
  });

  it.each([
    ["an uppercase slug", { slug: "Billing" }, "body.slug"],
    ["a one-character slug", { slug: "a" }, "body.slug"],
    ["a 64-character slug", { slug: "a".repeat(64) }, "body.slug"],
    ["a slug ending in a dash", { slug: "billing-" }, "body.slug"],
    ["a plain-http repository", { repository: "http://git.example.com/acme/billing" }, "body.repository"],
    ["a repository that is neither URL nor owner/name", { repository: "billing" }, "body.repository"],
    ["a NUL in the name", { name: "Bill\u0000ing" }, "body.name"],
    ["an oversized description", { description: "x".repeat(2001) }, "body.description"],
    ["an unknown field", { smokeSuite: "yes" }, "body"],
  ])("refuses %s with 422 naming the field, storing nothing", async (_, override, field) => {
    await refusedNaming(() => create({ slug: world.slug(), name: "Valid", ...override }), 422, field);
  });

  it("is for admins only", async () => {
    await refused(() => callRoute(servicesRoute.POST, { as: world.people.developer, body: { slug: world.slug(), name: "X" } }), 403);
  });
});

describe("editing a service", () => {
  it("changes the fields sent, audits each from → to, and keeps the slug", async () => {
    const { body: service } = await create({
      slug: world.slug(),
      name: "Before",
      owner: "team-a",
      repository: "https://git.example.com/a/b",
    });
    const { status, body } = await callRoute(serviceRoute.PATCH, {
      as: admin(),
      method: "PATCH",
      params: { id: service.id },
      body: { name: "After", owner: "" },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ slug: service.slug, name: "After", owner: null, repository: "https://git.example.com/a/b" });
    const [entry] = await auditOf("service.updated", service.id);
    expect(entry!.details).toMatchObject({ changes: { name: { from: "Before", to: "After" }, owner: { from: "team-a", to: null } } });
    const patch = (body: unknown) => callRoute(serviceRoute.PATCH, { as: admin(), method: "PATCH", params: { id: service.id }, body });
    await refusedNaming(() => patch({ slug: "renamed" }), 422, "body.slug");
    await refusedNaming(() => patch({ repository: "ftp://x/y" }), 422, "body.repository");
    await refused(() => patch({}), 422);
  });
});

describe("editing a service's objectives and alert rules", () => {
  it("replaces them, audits them from → to, and refuses impossible ones naming the field, changing nothing", async () => {
    const { body: service } = await create({ slug: world.slug(), name: "Objectives" });
    const patch = (body: unknown) => callRoute(serviceRoute.PATCH, { as: admin(), method: "PATCH", params: { id: service.id }, body });
    const read = async () => (await callRoute(serviceRoute.GET, { as: admin(), params: { id: service.id } })).body;
    const slos = { uptimePercent: 99.5, p95Ms: 800, p99Ms: 1500, errorRatePercent: 0.5, memoryPercent: 75, cpuPercent: 60 };
    const rule = { name: "Error rate above 2%", metric: "error_rate", comparison: ">", threshold: 2, severity: "P1", windowSeconds: 300 };
    const { status, body } = await patch({ slos, alertRules: [rule] });
    expect(status).toBe(200);
    expect(body.slos).toEqual(slos);
    // The rule as the evaluator reads it: its defaults filled in.
    expect(body.alertRules).toEqual([{ ...rule, minSampleRequests: 50, enabled: true }]);
    const [entry] = await auditOf("service.updated", service.id);
    expect(entry!.details).toMatchObject({ changes: { slos: { from: DEFAULT_SLOS, to: slos } } });
    const stored = await read();
    await refusedNaming(() => patch({ slos: { ...slos, uptimePercent: 100 } }), 422, "body.slos.uptimePercent");
    await refusedNaming(() => patch({ slos: { ...slos, p99Ms: 700 } }), 422, "body.slos.p99Ms");
    await refusedNaming(() => patch({ slos: { ...slos, p95Ms: 1e308 * 10 } }), 422, "body.slos.p95Ms");
    await refusedNaming(() => patch({ alertRules: [rule, rule] }), 422, "body.alertRules.1.name");
    await refusedNaming(() => patch({ alertRules: [{ ...rule, severity: "P0" }] }), 422, "body.alertRules.0.severity");
    expect(await read()).toEqual(stored);
    expect(await auditOf("service.updated", service.id)).toHaveLength(1);
  });
});

describe("archiving a service", () => {
  it("hides it from the catalog, Overview and New deployment choices, refuses new releases, and keeps its history", async () => {
    const { body: service } = await create({ slug: world.slug(), name: "Retiring" });
    const release = { service: service.slug, version: "1.0.0", image: "registry.example.com/r:1", digest: `sha256:${"a".repeat(64)}` };
    expect((await callRoute(releasesRoute.POST, { as: admin(), body: release })).status).toBe(201);

    const archived = await callRoute(archiveRoute.POST, { as: admin(), method: "POST", params: { id: service.id } });
    expect(archived.body.archivedAt).not.toBeNull();
    expect(await auditOf("service.archived", service.id)).toHaveLength(1);
    const slugs = async (query = "") =>
      (await callRoute(servicesRoute.GET, { as: admin(), query })).body.items.map((s: { slug: string }) => s.slug);
    expect(await slugs()).not.toContain(service.slug);
    expect(await slugs("?archived=true")).toContain(service.slug);
    expect(await slugs("?archived=all")).toContain(service.slug);
    const overview = await callRoute(overviewRoute.GET, { as: admin() });
    expect(overview.body.rows.map((r: { slug: string }) => r.slug)).not.toContain(service.slug);
    const releases = async (query: string) =>
      (await callRoute(releasesRoute.GET, { as: admin(), query })).body.items.map((r: { service: { slug: string } }) => r.service.slug);
    expect(await releases(`?service=${service.slug}`)).toEqual([service.slug]);
    expect(await releases(`?service=${service.slug}&archived=false`)).toEqual([]);

    const problem = await refused(() => callRoute(releasesRoute.POST, { as: admin(), body: { ...release, version: "1.0.1" } }), 409);
    expect(problem.detail).toContain(`${service.slug} is archived`);
    await refused(() => callRoute(archiveRoute.POST, { as: admin(), method: "POST", params: { id: service.id } }), 409);

    expect((await callRoute(unarchiveRoute.POST, { as: admin(), method: "POST", params: { id: service.id } })).body.archivedAt).toBeNull();
    expect(await auditOf("service.unarchived", service.id)).toHaveLength(1);
    expect((await callRoute(releasesRoute.POST, { as: admin(), body: { ...release, version: "1.0.1" } })).status).toBe(201);
  });

  it("refuses while one of its targets has a deployment in flight, naming the deployment", async () => {
    const db = getDb();
    const { body: service } = await create({ slug: world.slug(), name: "Busy" });
    const target = await db.target.create({ data: { serviceId: service.id, environmentId: world.environment.id } });
    const release = await db.release.create({
      data: {
        serviceId: service.id,
        version: "1.0.0",
        image: "x:1",
        digest: `sha256:${"b".repeat(64)}`,
        authorId: admin().principal.userId,
      },
    });
    const deployment = await db.deployment.create({
      data: { releaseId: release.id, targetId: target.id, activeTargetId: target.id, strategy: "rolling", state: "stepping" },
    });
    const problem = await refused(() => callRoute(archiveRoute.POST, { as: admin(), method: "POST", params: { id: service.id } }), 409);
    expect(problem.deploymentId).toBe(deployment.id);
    expect((await db.service.findUniqueOrThrow({ where: { id: service.id } })).archivedAt).toBeNull();
  });
});
