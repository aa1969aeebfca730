// Provider credentials and the connection test through the real route handlers and database: credentials
// are write-only (encrypted at rest, never in a response or the audit log), replaced or removed by PATCH,
// and refused with a 422 when unusable; the connection test asks the target's provider, for a saved target
// or a draft, admins only, and audits the attempt without the secret.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { disconnectDb, getDb } from "@/lib/db";
import { callRoute, createCatalogWorld, refused, refusedNaming, sampleLocalConfig } from "@/lib/testing/catalog-fixtures";
import * as servicesRoute from "./services/route";
import * as targetsRoute from "./targets/route";
import * as targetRoute from "./targets/[id]/route";
import * as savedTestRoute from "./targets/[id]/test-connection/route";
import * as draftTestRoute from "./targets/test-connection/route";

const SECRET = "apiVersion: v1\nkind: Config\nusers: [{name: ci, user: {token: s3cr3t-token-value}}]\n";

let world: Awaited<ReturnType<typeof createCatalogWorld>>;
const admin = () => world.people.admin;

async function newTarget(extra: Record<string, unknown> = {}): Promise<{ id: string; hasCredentials: boolean }> {
  const service = (await callRoute(servicesRoute.POST, { as: admin(), body: { slug: world.slug(), name: "Credentials test" } })).body;
  const { status, body } = await callRoute(targetsRoute.POST, {
    as: admin(),
    body: {
      serviceId: service.id,
      environment: world.environment.slug,
      providerType: "local",
      providerConfig: sampleLocalConfig,
      ...extra,
    },
  });
  expect(status).toBe(201);
  return body;
}
const stored = async (id: string) => (await getDb().target.findUniqueOrThrow({ where: { id } })).credentialsEncrypted;
const patch = (id: string, body: unknown) => callRoute(targetRoute.PATCH, { as: admin(), method: "PATCH", params: { id }, body });

beforeAll(async () => {
  world = await createCatalogWorld();
});
afterAll(() => disconnectDb());

describe("provider credentials", () => {
  it("are encrypted at rest and never returned, nor written to the audit log", async () => {
    const target = await newTarget({ credentials: SECRET });
    expect(target.hasCredentials).toBe(true);
    expect(JSON.stringify(target)).not.toContain("s3cr3t");
    const sealed = await stored(target.id);
    expect(sealed).toMatch(/^v1:/);
    expect(decryptSecret(sealed!)).toBe(SECRET.trim());
    const read = await callRoute(targetRoute.GET, { as: world.people.developer, params: { id: target.id } });
    expect(JSON.stringify(read.body)).not.toContain("s3cr3t");
    const audit = await getDb().auditEvent.findMany({ where: { subjectId: target.id } });
    expect(audit.map((e) => e.action)).toEqual(["target.created"]);
    expect(JSON.stringify(audit.map((e) => e.details))).not.toContain("s3cr3t");
    expect(audit[0]!.details).toMatchObject({ credentials: "stored" });
  });

  it("are replaced by a PATCH and removed by null, each audited as such", async () => {
    const target = await newTarget({ credentials: SECRET });
    const before = await stored(target.id);
    expect((await patch(target.id, { credentials: "another-key" })).body.hasCredentials).toBe(true);
    const replaced = await stored(target.id);
    expect(replaced).not.toBe(before);
    expect(decryptSecret(replaced!)).toBe("another-key");
    expect((await patch(target.id, { credentials: null })).body.hasCredentials).toBe(false);
    expect(await stored(target.id)).toBeNull();
    const changes = (
      await getDb().auditEvent.findMany({ where: { subjectId: target.id, action: "target.updated" }, orderBy: { createdAt: "asc" } })
    ).map((e) => (e.details as { changes: Record<string, unknown> }).changes.credentials);
    expect(changes).toEqual([
      { from: "stored", to: "replaced" },
      { from: "stored", to: "removed" },
    ]);
  });

  it.each([
    ["empty credentials", { credentials: "  " }],
    ["oversized credentials", { credentials: "x".repeat(70_000) }],
    ["credentials that are not text", { credentials: { token: "x" } }],
  ])("refuses %s with 422 naming the field, changing nothing", async (_, body) => {
    const target = await newTarget({ credentials: SECRET });
    const before = await stored(target.id);
    await refusedNaming(() => patch(target.id, body), 422, "body.credentials");
    expect(await stored(target.id)).toBe(before);
  });
});

describe("the connection test", () => {
  it("reports each check of a saved local target, and audits the attempt", async () => {
    const target = await newTarget();
    const { status, body } = await callRoute(savedTestRoute.POST, { as: admin(), method: "POST", params: { id: target.id } });
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.checks.map((c: { name: string }) => c.name)).toEqual([`working directory ${process.cwd()}`, "program tsx"]);
    const audit = await getDb().auditEvent.findMany({ where: { subjectId: target.id, action: "target.connection_tested" } });
    expect(audit.map((e) => e.details)).toEqual([
      {
        providerType: "local",
        draft: false,
        ok: true,
        checks: [
          { name: `working directory ${process.cwd()}`, ok: true },
          { name: "program tsx", ok: true },
        ],
      },
    ]);
  });

  it("tests a draft, and names what fails", async () => {
    const { status, body } = await callRoute(draftTestRoute.POST, {
      as: admin(),
      method: "POST",
      body: { providerType: "local", providerConfig: { command: ["no-such-program-here"], port: 0 } },
    });
    expect(status).toBe(200);
    expect(body.ok).toBe(false);
    expect(body.checks[1]).toMatchObject({ name: "program no-such-program-here", ok: false });
    expect(body.checks[1].detail).toContain("not found");
  });

  it("refuses a draft whose configuration does not parse (422 naming the field)", async () => {
    await refusedNaming(
      () => callRoute(draftTestRoute.POST, { as: admin(), method: "POST", body: { providerType: "local", providerConfig: { port: 0 } } }),
      422,
      "body.providerConfig.command",
    );
  });

  it("is for admins only (403), and 404 for an unknown target", async () => {
    const target = await newTarget();
    await refused(
      () => callRoute(savedTestRoute.POST, { as: world.people.developer, method: "POST", params: { id: target.id } }),
      403,
    );
    await refused(() => callRoute(savedTestRoute.POST, { as: admin(), method: "POST", params: { id: "no-such-target" } }), 404);
    expect(await getDb().auditEvent.count({ where: { subjectId: target.id, action: "target.connection_tested" } })).toBe(0);
  });
});
