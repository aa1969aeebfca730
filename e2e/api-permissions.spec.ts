// Every /api/v1 mutation × every role, against DESIGN.md's permission table (written out here, not read
// from the code): allowed roles get 2xx and an audit event; others get 403 and the database is unchanged.
// Unauthenticated calls get 401 and bad input gets a 4xx naming the problem, also changing nothing. Where the
// table depends on the environment (deploying, recording a backup) production is tried by every role too,
// and every control on a running rollback is refused for everyone: 403 without the permission, 409 with the
// lifecycle's reason with it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEPLOYMENT_CONTROLS, ROLLBACK_NOT_CONTROLLED } from "@/lib/domain/decide-control";
import { transitionOf } from "@/lib/domain/rollout-lifecycle";
import {
  countAuditEvents,
  createStagingTarget,
  createTarget,
  createToken,
  fingerprint,
  insertApproval,
  insertDeployment,
  insertFreeze,
  insertOpenAlert,
  insertOpenReview,
  insertRelease,
  setCurrentRevision,
  userIdByEmail,
  waitForQuiescence,
} from "./support/database";
import { archiveTarget, insertService, insertServiceWithSecret } from "./support/catalog";
import { DEMO_ACCOUNTS, type DemoRole } from "./support/sign-in";

const ROLES = Object.keys(DEMO_ACCOUNTS) as DemoRole[];
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

type Fixture = { targetUserId: string };
type Mutation = {
  allowed: DemoRole[];
  /** prepares what one call by `role` needs (before the database is fingerprinted) and returns its path and body */
  prepare: (fx: Fixture, role: DemoRole) => Promise<{ path: string; body?: unknown }>;
  /** a request with bad input and the status it must get */
  bad: (fx: Fixture) => Promise<{ path: string; body?: unknown; status: number }>;
};

const randomDigest = () => `sha256:${Array.from({ length: 64 }, () => "0123456789abcdef"[Math.floor(Math.random() * 16)]).join("")}`;

/** Alertmanager's webhook payload (version 4) with one firing alert on `targetId`. */
const alertmanagerBody = (targetId: string) => ({
  version: "4",
  groupKey: `{}:{alertname="Matrix"}`,
  status: "firing",
  receiver: "flightdeck",
  groupLabels: { alertname: "Matrix" },
  commonLabels: { alertname: "Matrix" },
  commonAnnotations: {},
  externalURL: "http://alertmanager.invalid",
  alerts: [
    {
      status: "firing",
      labels: { alertname: "Matrix", severity: "warning", flightdeck_target: targetId },
      annotations: { summary: "permission matrix" },
      startsAt: new Date().toISOString(),
      endsAt: "0001-01-01T00:00:00Z",
      generatorURL: "",
      fingerprint: unique(),
    },
  ],
});

const MUTATIONS: Record<string, Mutation> = {
  "POST /releases": {
    allowed: ["admin", "release_manager", "developer"],
    prepare: async () => ({
      path: "/api/v1/releases",
      body: { service: "akosha", version: `9.0.${unique()}`, image: "registry.example.com/mcp/akosha:9", digest: randomDigest() },
    }),
    bad: async () => ({ path: "/api/v1/releases", body: { service: "akosha", version: "", image: "x", digest: "md5:abc" }, status: 422 }),
  },
  "POST /deployments": {
    allowed: ["admin", "release_manager", "developer"],
    prepare: async () => ({
      path: "/api/v1/deployments",
      body: { releaseId: (await createStagingTarget()).releaseId, environment: "staging" },
    }),
    bad: async () => ({ path: "/api/v1/deployments", body: { releaseId: "", environment: "", strategy: "yolo" }, status: 422 }),
  },
  "POST /deployments/{id}/{control}": {
    allowed: ["admin", "release_manager", "oncall"],
    prepare: async () => {
      const t = await createStagingTarget();
      const id = await insertDeployment({
        releaseId: t.releaseId,
        targetId: t.targetId,
        state: "waiting_for_window",
        active: true,
        revision: `e2e-${t.targetId.slice(4)}-r1`,
      });
      return { path: `/api/v1/deployments/${id}/abort` };
    },
    bad: async () => {
      const t = await createStagingTarget();
      const id = await insertDeployment({
        releaseId: t.releaseId,
        targetId: t.targetId,
        state: "waiting_for_window",
        active: true,
        revision: `e2e-${t.targetId.slice(4)}-r1`,
      });
      return { path: `/api/v1/deployments/${id}/explode`, status: 422 };
    },
  },
  "POST /targets/{id}/rollback": {
    allowed: ["admin", "release_manager", "oncall"],
    prepare: async () => {
      const t = await createStagingTarget();
      const [older, current] = [`e2e-${t.targetId.slice(4)}-r1`, `e2e-${t.targetId.slice(4)}-r2`];
      await insertDeployment({
        releaseId: t.releaseId,
        targetId: t.targetId,
        state: "succeeded",
        active: false,
        revision: older,
        finishedAt: new Date(Date.now() - 60_000),
      });
      await insertDeployment({
        releaseId: t.releaseId,
        targetId: t.targetId,
        state: "succeeded",
        active: false,
        revision: current,
        finishedAt: new Date(),
      });
      await setCurrentRevision(t.targetId, current, t.releaseId);
      return { path: `/api/v1/targets/${t.targetId}/rollback`, body: { reason: "permission matrix" } };
    },
    bad: async () => ({
      path: `/api/v1/targets/${(await createStagingTarget()).targetId}/rollback`,
      body: { toRevision: "never-served" },
      status: 422,
    }),
  },
  "POST /releases/{id}/approvals": {
    allowed: ["admin", "release_manager"],
    prepare: async () => ({
      path: `/api/v1/releases/${(await insertRelease()).id}/approvals`,
      body: { environment: "production", decision: "approve", comment: "matrix" },
    }),
    bad: async () => ({
      path: `/api/v1/releases/${(await insertRelease()).id}/approvals`,
      body: { environment: "production", decision: "reject" },
      status: 422,
    }),
  },
  "DELETE /releases/{id}/approvals/{environment}": {
    // Anyone may withdraw their own standing decision.
    allowed: ["admin", "release_manager", "oncall", "developer", "viewer"],
    prepare: async (_fx, role) => {
      const release = await insertRelease();
      await insertApproval(release, "production", DEMO_ACCOUNTS[role].email);
      return { path: `/api/v1/releases/${release.id}/approvals/production` };
    },
    bad: async () => ({ path: `/api/v1/releases/${(await insertRelease()).id}/approvals/production`, status: 404 }),
  },
  "PATCH /environments/{slug}": {
    allowed: ["admin"],
    prepare: async () => ({ path: "/api/v1/environments/staging", body: { approvalTtlMinutes: 1000 + (counter++ % 1000) } }),
    bad: async () => ({
      path: "/api/v1/environments/staging",
      body: { timezone: "Mars/Olympus_Mons", requiredApprovals: -1 },
      status: 422,
    }),
  },
  "POST /environments/{slug}/freezes": {
    allowed: ["admin"],
    prepare: async () => ({
      path: "/api/v1/environments/staging/freezes",
      body: { startsAt: "2032-01-01T00:00:00Z", endsAt: "2032-01-01T01:00:00Z", reason: `matrix ${unique()}` },
    }),
    bad: async () => ({
      path: "/api/v1/environments/staging/freezes",
      body: { startsAt: "2032-01-02T00:00:00Z", endsAt: "2032-01-01T00:00:00Z", reason: "" },
      status: 422,
    }),
  },
  "DELETE /environments/{slug}/freezes/{id}": {
    allowed: ["admin"],
    prepare: async () => ({ path: `/api/v1/environments/staging/freezes/${await insertFreeze("staging")}` }),
    bad: async () => ({ path: "/api/v1/environments/staging/freezes/no-such-freeze", status: 404 }),
  },
  "POST /reviews/{id}/close": {
    allowed: ["admin", "release_manager"],
    prepare: async () => ({ path: `/api/v1/reviews/${await insertOpenReview()}/close`, body: { comment: "reviewed in the matrix" } }),
    bad: async () => ({ path: `/api/v1/reviews/${await insertOpenReview()}/close`, body: { comment: "" }, status: 422 }),
  },
  "POST /alerts/{id}/acknowledge": {
    allowed: ["admin", "release_manager", "oncall"],
    prepare: async () => ({ path: `/api/v1/alerts/${await insertOpenAlert()}/acknowledge`, body: { note: "on it" } }),
    bad: async () => ({ path: `/api/v1/alerts/${await insertOpenAlert()}/acknowledge`, body: { note: 5 }, status: 422 }),
  },
  "POST /integrations/alertmanager": {
    allowed: ["admin", "release_manager", "oncall"],
    prepare: async () => ({ path: "/api/v1/integrations/alertmanager", body: alertmanagerBody((await createStagingTarget()).targetId) }),
    bad: async () => ({ path: "/api/v1/integrations/alertmanager", body: { ...alertmanagerBody("t"), version: "3" }, status: 422 }),
  },
  "PUT /test/clock": {
    allowed: ["admin"],
    prepare: async () => ({ path: "/api/v1/test/clock", body: { now: null } }),
    bad: async () => ({ path: "/api/v1/test/clock", body: { now: "yesterday" }, status: 422 }),
  },
  "POST /targets/{id}/backups": {
    allowed: ["admin", "release_manager", "developer"],
    prepare: async () => {
      const t = await createStagingTarget();
      return { path: `/api/v1/targets/${t.targetId}/backups`, body: { releaseId: t.releaseId, note: "pg_dump to s3://backups/e2e" } };
    },
    bad: async () => {
      const t = await createStagingTarget();
      return { path: `/api/v1/targets/${t.targetId}/backups`, body: { releaseId: t.releaseId, note: "" }, status: 422 };
    },
  },
  "POST /services": {
    allowed: ["admin"],
    prepare: async () => ({
      path: "/api/v1/services",
      body: { slug: `matrix-${unique()}`, name: "Matrix service", repository: "acme/matrix" },
    }),
    bad: async () => ({ path: "/api/v1/services", body: { slug: "Not A Slug", name: "", repository: "ftp://x" }, status: 422 }),
  },
  "PATCH /services/{id}": {
    allowed: ["admin"],
    prepare: async () => ({ path: `/api/v1/services/${(await insertService()).id}`, body: { name: `Renamed ${unique()}` } }),
    bad: async () => ({ path: `/api/v1/services/${(await insertService()).id}`, body: { slug: "renamed", owner: "x\u0000" }, status: 422 }),
  },
  "POST /services/{id}/archive": {
    allowed: ["admin"],
    prepare: async () => ({ path: `/api/v1/services/${(await insertService()).id}/archive` }),
    bad: async () => ({ path: `/api/v1/services/${(await insertService({ archived: true })).id}/archive`, status: 409 }),
  },
  "POST /services/{id}/unarchive": {
    allowed: ["admin"],
    prepare: async () => ({ path: `/api/v1/services/${(await insertService({ archived: true })).id}/unarchive` }),
    bad: async () => ({ path: `/api/v1/services/${(await insertService()).id}/unarchive`, status: 409 }),
  },
  "PUT /services/{id}/smoke-suite": {
    allowed: ["admin"],
    prepare: async () => ({
      path: `/api/v1/services/${(await insertService()).id}/smoke-suite`,
      body: { checks: [{ kind: "http", name: "Health endpoint", path: "/health" }], stopAtFirstFailure: true },
    }),
    bad: async () => ({
      path: `/api/v1/services/${(await insertService()).id}/smoke-suite`,
      body: { checks: [{ kind: "ping", name: "Ping", path: "/" }] },
      status: 422,
    }),
  },
  "PUT /services/{id}/secrets/{name}": {
    allowed: ["admin"],
    prepare: async () => ({ path: `/api/v1/services/${(await insertService()).id}/secrets/API_TOKEN`, body: { value: `tok-${unique()}` } }),
    bad: async () => ({ path: `/api/v1/services/${(await insertService()).id}/secrets/api-token`, body: { value: "" }, status: 422 }),
  },
  "DELETE /services/{id}/secrets/{name}": {
    allowed: ["admin"],
    prepare: async () => ({ path: `/api/v1/services/${(await insertServiceWithSecret("OLD_TOKEN")).id}/secrets/OLD_TOKEN` }),
    bad: async () => ({ path: `/api/v1/services/${(await insertService()).id}/secrets/OLD_TOKEN`, status: 404 }),
  },
  "POST /targets": {
    allowed: ["admin"],
    prepare: async () => ({
      path: "/api/v1/targets",
      body: {
        serviceId: (await insertService()).id,
        environment: "staging",
        providerType: "local",
        providerConfig: { command: ["tsx", "workers/sample-service/server.ts"], port: 0 },
      },
    }),
    bad: async () => ({
      path: "/api/v1/targets",
      body: {
        serviceId: (await insertService()).id,
        environment: "staging",
        providerType: "kubernetes",
        providerConfig: {},
        canarySteps: [50, 10],
      },
      status: 422,
    }),
  },
  "PATCH /targets/{id}": {
    allowed: ["admin"],
    prepare: async () => ({
      path: `/api/v1/targets/${(await createStagingTarget()).targetId}`,
      body: { stepPauseSeconds: 100 + (counter++ % 1000) },
    }),
    bad: async () => ({
      path: `/api/v1/targets/${(await createStagingTarget()).targetId}`,
      body: { canarySteps: [50, 10], providerConfig: { command: [], port: 70000 } },
      status: 422,
    }),
  },
  "POST /targets/{id}/test-connection": {
    allowed: ["admin"],
    prepare: async () => ({ path: `/api/v1/targets/${(await createStagingTarget()).targetId}/test-connection` }),
    bad: async () => ({ path: "/api/v1/targets/no-such-target/test-connection", status: 404 }),
  },
  "POST /targets/test-connection": {
    allowed: ["admin"],
    prepare: async () => ({
      path: "/api/v1/targets/test-connection",
      body: { providerType: "local", providerConfig: { command: ["tsx", "workers/sample-service/server.ts"], port: 0 } },
    }),
    bad: async () => ({
      path: "/api/v1/targets/test-connection",
      body: { providerType: "local", providerConfig: { port: 0 } },
      status: 422,
    }),
  },
  "POST /targets/{id}/archive": {
    allowed: ["admin"],
    prepare: async () => ({ path: `/api/v1/targets/${(await createStagingTarget()).targetId}/archive` }),
    bad: async () => {
      // A target with a deployment in flight cannot be archived: 409 naming the deployment.
      const t = await createStagingTarget();
      await insertDeployment({
        releaseId: t.releaseId,
        targetId: t.targetId,
        state: "waiting_for_window",
        active: true,
        revision: `e2e-${t.targetId.slice(4)}-r1`,
      });
      return { path: `/api/v1/targets/${t.targetId}/archive`, status: 409 };
    },
  },
  "POST /targets/{id}/unarchive": {
    allowed: ["admin"],
    prepare: async () => {
      const { targetId } = await createStagingTarget();
      await archiveTarget(targetId);
      return { path: `/api/v1/targets/${targetId}/unarchive` };
    },
    bad: async () => ({ path: `/api/v1/targets/${(await createStagingTarget()).targetId}/unarchive`, status: 409 }),
  },
  "POST /users": {
    allowed: ["admin"],
    prepare: async () => ({
      path: "/api/v1/users",
      body: { email: `matrix-${unique()}@example.com`, name: "Matrix user", role: "viewer", password: "a-long-enough-password" },
    }),
    bad: async () => ({ path: "/api/v1/users", body: { email: "not-an-email", name: "", role: "root", password: "short" }, status: 422 }),
  },
  "PATCH /users/{id}": {
    allowed: ["admin"],
    prepare: async (fx) => ({ path: `/api/v1/users/${fx.targetUserId}`, body: { name: `Matrix target ${unique()}` } }),
    bad: async (fx) => ({ path: `/api/v1/users/${fx.targetUserId}`, body: { role: "superuser" }, status: 422 }),
  },
  "DELETE /users/{id}/sessions": {
    allowed: ["admin"],
    prepare: async (fx) => ({ path: `/api/v1/users/${fx.targetUserId}/sessions` }),
    bad: async () => ({ path: "/api/v1/users/no-such-user/sessions", status: 404 }),
  },
  "POST /smoke-runs": {
    allowed: ["admin", "release_manager", "oncall"],
    // Nothing listens on port 9: the worker records a failed run, which is all this table needs.
    prepare: async () => ({ path: "/api/v1/smoke-runs", body: { url: "http://127.0.0.1:9/", service: "akosha" } }),
    bad: async () => ({ path: "/api/v1/smoke-runs", body: { url: "ftp://example.com/", service: "akosha" }, status: 422 }),
  },
  "POST /tokens": {
    allowed: ["admin"],
    prepare: async () => ({ path: "/api/v1/tokens", body: { name: `matrix ${unique()}`, role: "developer" } }),
    bad: async () => ({ path: "/api/v1/tokens", body: { name: "", role: "developer", expiresInDays: -3 }, status: 422 }),
  },
  "DELETE /tokens/{id}": {
    allowed: ["admin"],
    prepare: async () => ({ path: `/api/v1/tokens/${(await createToken("dev@flightdeck.local", "developer")).id}` }),
    bad: async () => ({ path: "/api/v1/tokens/no-such-token", status: 404 }),
  },
};

/** The rows of the table that depend on the environment, for production (the routes are in MUTATIONS). */
const PRODUCTION_MUTATIONS: Record<string, Omit<Mutation, "bad">> = {
  "POST /deployments to production": {
    allowed: ["admin", "release_manager"],
    // A hotfix with its two approvals passes every gate at any hour, so the permission alone decides.
    prepare: async () => {
      const t = await createTarget("production", { hotfix: true });
      const release = { id: t.releaseId, digest: t.digest };
      for (const email of ["release@flightdeck.local", "release2@flightdeck.local"]) await insertApproval(release, "production", email);
      return { path: "/api/v1/deployments", body: { releaseId: t.releaseId, environment: "production", strategy: "rolling" } };
    },
  },
  "POST /targets/{id}/backups in production": {
    allowed: ["admin", "release_manager"],
    prepare: async () => {
      const t = await createTarget("production");
      return { path: `/api/v1/targets/${t.targetId}/backups`, body: { releaseId: t.releaseId, note: "pg_dump to s3://backups/prod" } };
    },
  },
};

/** A rollback moving traffic, as the engine leaves it between steps, in a timed pause so no worker moves it. */
async function insertRunningRollback(): Promise<string> {
  const t = await createStagingTarget();
  return insertDeployment({
    releaseId: t.releaseId,
    targetId: t.targetId,
    kind: "rollback",
    state: transitionOf("step_done", "rollback").to,
    currentStep: 2,
    active: true,
    revision: `e2e-${t.targetId.slice(4)}-r1`,
    resumeAt: new Date(Date.now() + 365 * 24 * 3_600_000),
  });
}

function mutationRoutes(dir = path.resolve(__dirname, "../app/api/v1"), prefix = ""): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return mutationRoutes(full, `${prefix}/${entry.replace(/^\[(.+)\]$/, "{$1}")}`);
    if (entry !== "route.ts") return [];
    const source = readFileSync(full, "utf8");
    return ["POST", "PUT", "PATCH", "DELETE"]
      .filter((m) => new RegExp(`export (const|async function|function) ${m}\\b`).test(source))
      .map((m) => `${m} ${prefix}`);
  });
}

async function call(request: APIRequestContext, method: string, url: string, token: string | undefined, body?: unknown) {
  const headers = token ? { authorization: `Bearer ${token}` } : undefined;
  return request.fetch(url, { method, headers, data: body === undefined ? undefined : body });
}

const tokens = {} as Record<DemoRole, string>;
const fx = {} as Fixture;

test.beforeAll(async () => {
  for (const role of ROLES) tokens[role] = (await createToken(DEMO_ACCOUNTS[role].email, role)).token;
  fx.targetUserId = await userIdByEmail("viewer@flightdeck.local");
});

test("the table lists every mutation route the app has", () => {
  expect(mutationRoutes().sort()).toEqual(Object.keys(MUTATIONS).sort());
});

function testRoles(name: string, mutation: Omit<Mutation, "bad">) {
  const [method] = name.split(" ") as [string];
  for (const role of ROLES.filter((r) => mutation.allowed.includes(r))) {
    test(`${name} as ${role} → 2xx, audited`, async ({ request }) => {
      const { path: url, body } = await mutation.prepare(fx, role);
      await waitForQuiescence();
      const auditBefore = await countAuditEvents();
      const response = await call(request, method, url, tokens[role], body);
      expect(response.status(), await response.text()).toBeGreaterThanOrEqual(200);
      expect(response.status()).toBeLessThan(300);
      expect(await countAuditEvents()).toBeGreaterThan(auditBefore);
    });
  }
  for (const role of ROLES.filter((r) => !mutation.allowed.includes(r))) {
    test(`${name} as ${role} → 403, nothing changed`, async ({ request }) => {
      const { path: url, body } = await mutation.prepare(fx, role);
      await waitForQuiescence();
      const before = await fingerprint();
      const response = await call(request, method, url, tokens[role], body);
      expect(response.status()).toBe(403);
      expect(response.headers()["content-type"]).toContain("application/problem+json");
      expect((await response.json()).detail).toMatch(/permission/);
      expect(await fingerprint()).toEqual(before);
    });
  }
}

for (const [name, mutation] of Object.entries(PRODUCTION_MUTATIONS)) testRoles(name, mutation);

for (const control of DEPLOYMENT_CONTROLS) {
  for (const role of ROLES) {
    const mayControl = ["admin", "release_manager", "oncall"].includes(role);
    test(`POST /deployments/{id}/${control} of a running rollback as ${role} → ${mayControl ? "409" : "403"}`, async ({ request }) => {
      const id = await insertRunningRollback();
      await waitForQuiescence();
      const [before, auditBefore] = [await fingerprint(), await countAuditEvents()];
      const response = await call(request, "POST", `/api/v1/deployments/${id}/${control}`, tokens[role]);
      expect(response.status(), await response.text()).toBe(mayControl ? 409 : 403);
      expect(response.headers()["content-type"]).toContain("application/problem+json");
      const { detail } = await response.json();
      expect(detail).toMatch(mayControl ? `Cannot ${control} this deployment: ${ROLLBACK_NOT_CONTROLLED}` : /permission/);
      expect(await fingerprint()).toEqual(before);
      expect(await countAuditEvents()).toBe(auditBefore);
    });
  }
}

for (const [name, mutation] of Object.entries(MUTATIONS)) {
  const [method] = name.split(" ") as [string];
  testRoles(name, mutation);

  test(`${name} without credentials → 401, nothing changed`, async ({ request }) => {
    const { path: url, body } = await mutation.prepare(fx, "admin");
    await waitForQuiescence();
    const before = await fingerprint();
    const response = await call(request, method, url, undefined, body);
    expect(response.status()).toBe(401);
    expect(await fingerprint()).toEqual(before);
  });

  test(`${name} with bad input → clear 4xx, nothing changed`, async ({ request }) => {
    const bad = await mutation.bad(fx);
    await waitForQuiescence();
    const before = await fingerprint();
    const response = await call(request, method, bad.path, tokens[mutation.allowed[0]!], bad.body);
    expect(response.status()).toBe(bad.status);
    const problem = await response.json();
    expect(problem.detail).toBeTruthy();
    // A 422 names the fields to fix; other refusals carry no field list.
    expect(Array.isArray(problem.errors) && problem.errors.length > 0).toBe(bad.status === 422);
    expect(await fingerprint()).toEqual(before);
  });
}
