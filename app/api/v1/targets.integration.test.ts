// Targets through the real route handlers and database: the provider's configuration schema and the
// rollout planner's canary rule decide what is valid, one target per service × environment, audited
// changes, and archiving that waits for a deployment in flight and then refuses new deploys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { callRoute, createCatalogWorld, refused, refusedNaming, sampleLocalConfig } from "@/lib/testing/catalog-fixtures";
import * as servicesRoute from "./services/route";
import * as targetsRoute from "./targets/route";
import * as targetRoute from "./targets/[id]/route";
import * as archiveRoute from "./targets/[id]/archive/route";
import * as unarchiveRoute from "./targets/[id]/unarchive/route";
import * as deploymentsRoute from "./deployments/route";

let world: Awaited<ReturnType<typeof createCatalogWorld>>;
const admin = () => world.people.admin;
const auditOf = (action: string, subjectId: string) => getDb().auditEvent.findMany({ where: { action, subjectId } });

async function newService(): Promise<{ id: string; slug: string }> {
  return (await callRoute(servicesRoute.POST, { as: admin(), body: { slug: world.slug(), name: "Target test" } })).body;
}
const targetBody = (serviceId: string, override: Record<string, unknown> = {}) => ({
  serviceId,
  environment: world.environment.slug,
  providerType: "local",
  providerConfig: sampleLocalConfig,
  ...override,
});
const create = (body: unknown) => callRoute(targetsRoute.POST, { as: admin(), body });
const patch = (id: string, body: unknown) => callRoute(targetRoute.PATCH, { as: admin(), method: "PATCH", params: { id }, body });
const archive = (id: string) => callRoute(archiveRoute.POST, { as: admin(), method: "POST", params: { id } });

beforeAll(async () => {
  world = await createCatalogWorld();
});
afterAll(() => disconnectDb());

describe("adding a target", () => {
  it("stores a local target with the provider's defaults, audits it, and lists it by service", async () => {
    const service = await newService();
    const { status, body } = await create(
      targetBody(service.id, { defaultStrategy: "canary", canarySteps: [25, 100], stepPauseSeconds: null }),
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({
      environment: { slug: world.environment.slug },
      providerType: "local",
      providerConfig: { ...sampleLocalConfig, retainRevisions: 2 },
      defaultStrategy: "canary",
      canarySteps: [25, 100],
      stepPauseSeconds: null,
      requiresBackup: false,
      archivedAt: null,
    });
    expect(await auditOf("target.created", body.id)).toHaveLength(1);
    const list = await callRoute(targetsRoute.GET, { as: world.people.developer, query: `?service=${service.slug}` });
    expect(list.body.items.map((t: { id: string }) => t.id)).toEqual([body.id]);
  });

  it("allows one target per service and environment (409)", async () => {
    const service = await newService();
    const first = await create(targetBody(service.id));
    const problem = await refusedNaming(() => create(targetBody(service.id)), 409, "body.environment");
    expect(problem.targetId).toBe(first.body.id);
  });

  it.each([
    ["a local config without a command", { providerConfig: { command: [], port: 0 } }, "body.providerConfig.command"],
    ["a port out of range", { providerConfig: { ...sampleLocalConfig, port: 70000 } }, "body.providerConfig.port"],
    ["a NUL in the command", { providerConfig: { command: ["tsx\u0000"], port: 0 } }, "body.providerConfig.command.0"],
    ["an oversized config", { providerConfig: { ...sampleLocalConfig, env: { BIG: "x".repeat(20_000) } } }, "body.providerConfig"],
    ["decreasing canary steps", { canarySteps: [50, 10, 100] }, "body.canarySteps"],
    ["canary steps short of 100", { canarySteps: [10, 50] }, "body.canarySteps"],
    ["a negative pause", { stepPauseSeconds: -1 }, "body.stepPauseSeconds"],
    ["an unknown strategy", { defaultStrategy: "yolo" }, "body.defaultStrategy"],
    ["an unknown environment", { environment: "nowhere" }, "body.environment"],
    ["an unknown service", { serviceId: "no-such-service" }, "body.serviceId"],
  ])("refuses %s with 422 naming the field, storing nothing", async (_, override, field) => {
    const service = await newService();
    await refusedNaming(() => create(targetBody(service.id, override)), 422, field);
  });

  it("takes a Kubernetes target with its configuration checked by the provider's schema, its kubeconfig write-only", async () => {
    const service = await newService();
    const providerConfig = { namespace: "shop", deployment: "api", container: "api", kubeconfig: { source: "credentials" } };
    const { status, body } = await create(
      targetBody(service.id, { providerType: "kubernetes", providerConfig, credentials: "apiVersion: v1\nkind: Config\n" }),
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({ providerType: "kubernetes", providerConfig, hasCredentials: true });
    expect(JSON.stringify(body)).not.toContain("kind: Config");
    const other = await newService();
    await refusedNaming(
      () => create(targetBody(other.id, { providerType: "kubernetes", providerConfig: { ...providerConfig, deployment: "Not_A_Label" } })),
      422,
      "body.providerConfig.deployment",
    );
  });

  it("takes a Cloud Run target with its configuration checked by the provider's schema", async () => {
    const service = await newService();
    const providerConfig = { project: "shop-prod", region: "europe-west1", service: "api" };
    const { status, body } = await create(targetBody(service.id, { providerType: "cloudrun", providerConfig }));
    expect(status).toBe(201);
    expect(body).toMatchObject({ providerType: "cloudrun", providerConfig: { ...providerConfig, credentials: "service-account-key" } });
    const other = await newService();
    await refusedNaming(
      () => create(targetBody(other.id, { providerType: "cloudrun", providerConfig: { ...providerConfig, region: "Europe" } })),
      422,
      "body.providerConfig.region",
    );
  });
});

describe("editing a target", () => {
  it("changes its settings, audits them from → to, and re-checks the configuration against its provider", async () => {
    const service = await newService();
    const { body: target } = await create(targetBody(service.id));
    const { status, body } = await patch(target.id, { canarySteps: [10, 25, 50, 100], stepPauseSeconds: null, requiresBackup: true });
    expect(status).toBe(200);
    expect(body).toMatchObject({ canarySteps: [10, 25, 50, 100], stepPauseSeconds: null, requiresBackup: true });
    const [entry] = await auditOf("target.updated", target.id);
    expect(entry!.details).toMatchObject({
      changes: { stepPauseSeconds: { from: 60, to: null }, requiresBackup: { from: false, to: true } },
    });
    await refusedNaming(() => patch(target.id, { providerConfig: { command: ["tsx"], port: -1 } }), 422, "body.providerConfig.port");
    await refusedNaming(() => patch(target.id, { providerType: "cloudrun" }), 422, "body.providerType");
    await refusedNaming(() => patch(target.id, { canarySteps: [100, 50] }), 422, "body.canarySteps");
  });
});

describe("archiving a target", () => {
  it("waits for the deployment in flight, then hides the target and refuses deploys to it until unarchived", async () => {
    const db = getDb();
    const service = await newService();
    const { body: target } = await create(targetBody(service.id));
    const release = await db.release.create({
      data: {
        serviceId: service.id,
        version: "1.0.0",
        image: "x:1",
        digest: `sha256:${"c".repeat(64)}`,
        authorId: admin().principal.userId,
      },
    });
    const running = await db.deployment.create({
      data: { releaseId: release.id, targetId: target.id, activeTargetId: target.id, strategy: "rolling", state: "stepping" },
    });
    const problem = await refused(() => archive(target.id), 409);
    expect(problem.deploymentId).toBe(running.id);

    await db.deployment.update({ where: { id: running.id }, data: { activeTargetId: null, state: "succeeded" } });
    expect((await archive(target.id)).body.archivedAt).not.toBeNull();
    expect(await auditOf("target.archived", target.id)).toHaveLength(1);
    const ids = async (archived: string) =>
      (await callRoute(targetsRoute.GET, { as: admin(), query: `?service=${service.slug}&archived=${archived}` })).body.items.map(
        (t: { id: string }) => t.id,
      );
    expect(await ids("false")).toEqual([]);
    expect(await ids("all")).toEqual([target.id]);

    const deploy = () =>
      callRoute(deploymentsRoute.POST, { as: admin(), body: { releaseId: release.id, environment: world.environment.slug } });
    const refusal = await refused(deploy, 409);
    expect(refusal.detail).toContain(`${service.slug} target in ${world.environment.slug} is archived`);
    await refusedNaming(() => create(targetBody(service.id)), 409, "body.environment");

    expect((await callRoute(unarchiveRoute.POST, { as: admin(), method: "POST", params: { id: target.id } })).body.archivedAt).toBeNull();
    expect(await auditOf("target.unarchived", target.id)).toHaveLength(1);
    expect(await ids("false")).toEqual([target.id]);
  });
});
