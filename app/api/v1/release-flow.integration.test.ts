// The release manager's flow through the real route handlers, with API tokens, the test clock and the
// run's database: every refusal names its rule and changes nothing; approvals are per person, digest-bound,
// expiring and never the author's; policies, freezes, windows and reviews are admin- or manager-only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

process.env.FLIGHTDECK_TEST_CLOCK = "1";
const { disconnectDb, getDb } = await import("@/lib/db");
const { closeRedis, getReadyRedis } = await import("@/lib/redis");
const { closeQueues } = await import("@/lib/queue/enqueue");
const { testClockKey } = await import("@/lib/clock");
const fixtures = await import("@/lib/testing/release-fixtures");
const { decideDeployment, openReviewForDeployment } = await import("@/lib/services/decide-deployment");
const clockRoute = await import("./test/clock/route");
const releaseRoute = await import("./releases/[id]/route");
const approvalsRoute = await import("./releases/[id]/approvals/route");
const withdrawRoute = await import("./releases/[id]/approvals/[environment]/route");
const environmentRoute = await import("./environments/[slug]/route");
const freezesRoute = await import("./environments/[slug]/freezes/route");
const freezeRoute = await import("./environments/[slug]/freezes/[id]/route");
const windowRoute = await import("./environments/[slug]/window/route");
const reviewsRoute = await import("./reviews/route");
const closeReviewRoute = await import("./reviews/[id]/close/route");

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
type World = Awaited<ReturnType<typeof fixtures.createReleaseWorld>>;
type Who = keyof World["people"];

const CLOSED = "2026-06-12T10:00:00.000Z"; // Friday 12:00 in Berlin
const OPEN = "2026-06-15T09:00:00.000Z"; // Monday 11:00 in Berlin
let world: World;

async function call(
  handler: Handler,
  options: { who: Who; method?: string; params?: Record<string, string>; body?: unknown; query?: string },
) {
  const headers = { authorization: `Bearer ${world.people[options.who].token}`, "content-type": "application/json" };
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const request = new Request(`http://test/api/v1/x${options.query ?? ""}`, {
    method: options.method ?? (body ? "POST" : "GET"),
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  return { status: response.status, body: await response.json() };
}

const setClock = (now: string | null) => call(clockRoute.PUT, { who: "admin", method: "PUT", body: { now } });
const detail = (id: string, who: Who = "rm1") => call(releaseRoute.GET, { who, params: { id } });
const decide = (id: string, who: Who, body: Record<string, unknown>) =>
  call(approvalsRoute.POST, { who, params: { id }, body: { environment: world.production.slug, ...body } });
const productionOf = (body: { environments: { environment: { slug: string } }[] }) =>
  body.environments.find((e) => e.environment.slug === world.production.slug) as Record<string, any>;

/** Runs `act` and proves it changed no approval, deployment, review, freeze or audit row. */
async function changesNothing<T>(act: () => Promise<T>): Promise<T> {
  const before = await fixtures.countRows();
  const result = await act();
  expect(await fixtures.countRows()).toEqual(before);
  return result;
}

beforeAll(async () => {
  world = await fixtures.createReleaseWorld();
});
afterAll(async () => {
  await (await getReadyRedis()).del(testClockKey());
  await closeQueues();
  await closeRedis();
  await disconnectDb();
});

describe("the test clock", () => {
  it("is set by an admin and read by every decision; others get 403", async () => {
    expect((await setClock(CLOSED)).body).toEqual({ now: CLOSED, fixed: true });
    const window = await call(windowRoute.GET, { who: "viewer", params: { slug: world.production.slug } });
    expect(window.body).toMatchObject({
      evaluatedAt: CLOSED,
      state: "closed",
      allowed: false,
      opensAt: "2026-06-15T08:00:00.000Z",
      description: "Closed — opens Mon 10:00 (Europe/Berlin)",
    });
    const refused = await changesNothing(() => call(clockRoute.PUT, { who: "rm1", method: "PUT", body: { now: OPEN } }));
    expect(refused.status).toBe(403);
    expect(await getDb().auditEvent.count({ where: { action: "test.clock_set", details: { path: ["now"], equals: CLOSED } } })).toBe(1);
  });
});

describe("release detail", () => {
  it("shows per environment the approvals needed, the window with its next opening, readiness, and who may approve", async () => {
    await setClock(CLOSED);
    const release = await world.createRelease();
    const forManager = await detail(release.id);
    expect(forManager.status).toBe(200);
    expect(forManager.body.environments.map((e: { environment: { slug: string } }) => e.environment.slug)).toEqual(
      expect.arrayContaining([world.staging.slug, world.production.slug]),
    );
    const production = productionOf(forManager.body);
    expect(production.approvalsDecision).toMatchObject({ satisfied: false, required: 2, reason: "2 approvals required, 0 given" });
    expect(production.window).toMatchObject({
      state: "closed",
      opensAt: "2026-06-15T08:00:00.000Z",
      description: "Closed — opens Mon 10:00 (Europe/Berlin)",
    });
    expect(production.promotion).toMatchObject({ allowed: false, requiredEnvironment: world.staging.slug });
    expect(production.readiness.ready).toBe(false);
    expect(production.readiness.checks.map((c: { id: string }) => c.id)).toEqual([
      "approvals",
      "window",
      "promotion",
      "smoke_suite",
      "backup",
      "no_p1_alert",
    ]);
    expect(production.canApprove).toMatchObject({ allowed: true });
    expect(production.environment.hasNotifyWebhook).toBe(false);
    expect(production.environment).not.toHaveProperty("notifyWebhookUrl");
    const forAuthor = productionOf((await detail(release.id, "author")).body);
    expect(forAuthor.canApprove).toMatchObject({ allowed: false });
    expect((await detail("no-such-release")).status).toBe(404);
  });

  it("answers what the caller may do with the deploy gate's own decision: deploy, wait, override, or why not", async () => {
    const release = await world.createRelease();
    await world.recordDeploy(release.id, world.stagingTarget.id);
    for (const who of ["rm1", "rm2"] as const) {
      await getDb().approval.create({
        data: {
          releaseId: release.id,
          environmentId: world.production.id,
          userId: world.people[who].principal.userId,
          decision: "approve",
          digest: release.digest,
          createdAt: new Date(CLOSED),
        },
      });
    }
    await setClock(CLOSED);
    const gateFor = async (who: Who, slug = world.production.slug) =>
      (await detail(release.id, who)).body.environments.find((e: { environment: { slug: string } }) => e.environment.slug === slug)
        .deployGate;
    const manager = await gateFor("rm1");
    expect(manager).toMatchObject({
      actions: { deploy: false, waitForWindow: true, overrideWindow: true },
      refusals: [{ rule: "window", reason: expect.stringContaining("Closed — opens Mon 10:00 (Europe/Berlin)") }],
      opensAt: "2026-06-15T08:00:00.000Z",
    });
    // The same decision POST /deployments takes.
    const decided = await decideDeployment({
      principal: world.people.rm1.principal,
      release,
      environment: world.production,
      target: world.productionTarget,
      now: new Date(CLOSED),
    });
    expect(manager.refusals).toEqual(decided.refusals);
    expect(manager.actions).toEqual(decided.actions);
    expect(await gateFor("developer")).toMatchObject({
      actions: { deploy: false, waitForWindow: false, overrideWindow: false },
      refusals: [{ rule: "deploy_permission", reason: expect.stringContaining('"deploy.production" permission') }, { rule: "window" }],
    });
    expect((await gateFor("developer", world.staging.slug)).actions).toEqual({
      deploy: true,
      waitForWindow: false,
      overrideWindow: false,
      overrideBudget: false,
    });
    // Monday inside the window, with approvals given that morning (Friday's have expired by then).
    await getDb().approval.updateMany({ where: { releaseId: release.id }, data: { createdAt: new Date(Date.parse(OPEN) - 3_600_000) } });
    await setClock(OPEN);
    expect(await gateFor("rm1")).toMatchObject({ actions: { deploy: true, waitForWindow: false, overrideWindow: false }, refusals: [] });
  });

  it("says what changes against the release running on the target now", async () => {
    const running = await world.createRelease();
    await getDb().target.update({ where: { id: world.productionTarget.id }, data: { currentReleaseId: running.id } });
    const next = await world.createRelease();
    const changes = productionOf((await detail(next.id)).body).changes;
    expect(changes).toMatchObject({
      direction: "newer",
      digestChanges: true,
      current: { version: running.version, notes: `Notes of ${running.version}` },
    });
    expect(changes.releasesBetween).toEqual([expect.objectContaining({ version: next.version, notes: `Notes of ${next.version}` })]);
  });
});

describe("approvals", () => {
  it("gives the author no approval power: 403 naming why, nothing written", async () => {
    const release = await getDb().release.create({
      data: {
        serviceId: world.service.id,
        version: "9.0.0-own",
        image: "svc:own",
        digest: fixtures.digestOf("own"),
        authorId: world.people.rm1.principal.userId,
      },
    });
    const refused = await changesNothing(() => decide(release.id, "rm1", { decision: "approve" }));
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain("You wrote this release; someone else must approve it");
    expect(productionOf((await detail(release.id)).body).canApprove.allowed).toBe(false);
  });

  it("refuses roles without the permission, and roles the environment's policy does not list", async () => {
    const release = await world.createRelease();
    const developer = await changesNothing(() => decide(release.id, "developer", { decision: "approve" }));
    expect(developer.status).toBe(403);
    expect(developer.body.detail).toContain("release.approve");
    await call(environmentRoute.PATCH, {
      who: "admin",
      method: "PATCH",
      params: { slug: world.production.slug },
      body: { approverRoles: ["release_manager"] },
    });
    try {
      const admin = await changesNothing(() => decide(release.id, "admin", { decision: "approve" }));
      expect(admin.status).toBe(403);
      expect(admin.body.detail).toMatch(
        /may not approve releases for this environment; approvers: Release manager \(Production .*'s approval policy\)/,
      );
    } finally {
      await call(environmentRoute.PATCH, {
        who: "admin",
        method: "PATCH",
        params: { slug: world.production.slug },
        body: { approverRoles: ["admin", "release_manager"] },
      });
    }
  });

  it("requires a comment to reject (422, nothing written)", async () => {
    const release = await world.createRelease();
    const refused = await changesNothing(() => decide(release.id, "rm1", { decision: "reject" }));
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: "body.comment" })]);
  });

  it("counts two managers' approvals; a rejection blocks until withdrawn; each decision is audited", async () => {
    await setClock(OPEN);
    const release = await world.createRelease();
    const first = await decide(release.id, "rm1", { decision: "approve" });
    expect(first.status).toBe(200);
    expect(first.body.decision).toMatchObject({ satisfied: false, reason: "2 approvals required, 1 given" });
    expect(first.body.approvals[0]).toMatchObject({
      decision: "approve",
      digest: release.digest,
      counts: true,
      createdAt: OPEN,
      user: { name: "Rita Release", role: "release_manager" },
    });
    const rejected = await decide(release.id, "rm2", { decision: "reject", comment: "the migration is not reversible" });
    expect(rejected.body.decision.reason).toBe(
      "Rejected by Remy Release: the migration is not reversible — blocked until the rejection is withdrawn",
    );
    const withdrawn = await call(withdrawRoute.DELETE, {
      who: "rm2",
      method: "DELETE",
      params: { id: release.id, environment: world.production.slug },
    });
    expect(withdrawn.body.decision).toMatchObject({ satisfied: false, reason: "2 approvals required, 1 given", rejectedBy: [] });
    expect(withdrawn.body.approvals.find((a: { decision: string }) => a.decision === "reject")).toMatchObject({
      counts: false,
      whyNotCounted: "withdrawn",
    });
    const approved = await decide(release.id, "rm2", { decision: "approve" });
    expect(approved.body.decision).toMatchObject({ satisfied: true, approvedCount: 2 });
    expect(await getDb().approval.count({ where: { releaseId: release.id } })).toBe(2); // re-deciding updates the person's row
    const actions = await getDb().auditEvent.findMany({
      where: { subjectId: release.id },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["approval.approved", "approval.rejected", "approval.withdrawn", "approval.approved"]);
    const again = await changesNothing(() =>
      call(withdrawRoute.DELETE, { who: "viewer", method: "DELETE", params: { id: release.id, environment: world.production.slug } }),
    );
    expect(again.status).toBe(404);
  });

  it("does not count approvals of another digest, nor expired ones", async () => {
    await setClock(OPEN);
    const release = await world.createRelease();
    await decide(release.id, "rm1", { decision: "approve" });
    await decide(release.id, "rm2", { decision: "approve" });
    expect(productionOf((await detail(release.id)).body).approvalsDecision.satisfied).toBe(true);
    await setClock("2026-06-17T09:00:00.000Z"); // two days later: past the 24 h lifetime
    const expired = productionOf((await detail(release.id)).body);
    expect(expired.approvalsDecision.reason).toBe("2 approvals required, 0 given (not counted: 2 expired)");
    expect(expired.approvals.map((a: { whyNotCounted: string }) => a.whyNotCounted)).toEqual(["expired", "expired"]);
    await setClock(OPEN);
    await getDb().release.update({ where: { id: release.id }, data: { digest: fixtures.digestOf("rebuilt") } });
    const rebuilt = productionOf((await detail(release.id)).body);
    expect(rebuilt.approvals.map((a: { counts: boolean; whyNotCounted: string }) => [a.counts, a.whyNotCounted])).toEqual([
      [false, "other_digest"],
      [false, "other_digest"],
    ]);
    const renewed = await decide(release.id, "rm1", { decision: "approve" });
    expect(renewed.body.approvals.find((a: { user: { name: string } }) => a.user.name === "Rita Release")).toMatchObject({
      digest: fixtures.digestOf("rebuilt"),
      counts: true,
    });
  });
});

describe("environment policies and freezes", () => {
  const slug = () => world.production.slug;

  it("lets only admins change a policy; an incoherent policy is refused whole and nothing changes", async () => {
    const manager = await changesNothing(() =>
      call(environmentRoute.PATCH, { who: "rm1", method: "PATCH", params: { slug: slug() }, body: { requiredApprovals: 1 } }),
    );
    expect(manager.status).toBe(403);
    const incoherent = await changesNothing(() =>
      call(environmentRoute.PATCH, { who: "admin", method: "PATCH", params: { slug: slug() }, body: { approverRoles: [] } }),
    );
    expect(incoherent.status).toBe(422);
    expect(incoherent.body.errors).toEqual([expect.objectContaining({ path: "body.approverRoles" })]);
    const badZone = await changesNothing(() =>
      call(environmentRoute.PATCH, { who: "admin", method: "PATCH", params: { slug: slug() }, body: { timezone: "Mars/Olympus" } }),
    );
    expect(badZone.status).toBe(422);
    expect((await getDb().environment.findUniqueOrThrow({ where: { slug: slug() } })).approverRoles).toEqual(["admin", "release_manager"]);
  });

  it("stores the webhook but never returns or audits it", async () => {
    const url = "https://hooks.example.test/services/T000/B000/secret";
    const updated = await call(environmentRoute.PATCH, {
      who: "admin",
      method: "PATCH",
      params: { slug: slug() },
      body: { notifyWebhookUrl: url, approvalTtlMinutes: 720 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ hasNotifyWebhook: true, approvalTtlMinutes: 720 });
    expect(JSON.stringify(updated.body)).not.toContain("hooks.example.test");
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: "environment.policy_updated", subjectId: world.production.id },
      orderBy: { id: "desc" },
    });
    expect(JSON.stringify(audit.details)).not.toContain("hooks.example.test");
    expect(audit.details).toMatchObject({ changes: { notifyWebhook: "set", approvalTtlMinutes: { from: 1440, to: 720 } } });
    const cleared = await call(environmentRoute.PATCH, {
      who: "admin",
      method: "PATCH",
      params: { slug: slug() },
      body: { notifyWebhookUrl: null, approvalTtlMinutes: 1440 },
    });
    expect(cleared.body.hasNotifyWebhook).toBe(false);
  });

  it("freezes an environment (a freeze beats the window) and lifts the freeze, audited; bad freezes are refused", async () => {
    await setClock(OPEN);
    const body = { startsAt: "2026-06-15T06:00:00Z", endsAt: "2026-06-16T06:00:00Z", reason: "Quarter-end close" };
    const refused = await changesNothing(() => call(freezesRoute.POST, { who: "rm1", params: { slug: slug() }, body }));
    expect(refused.status).toBe(403);
    const backwards = await changesNothing(() =>
      call(freezesRoute.POST, { who: "admin", params: { slug: slug() }, body: { ...body, endsAt: body.startsAt } }),
    );
    expect(backwards.status).toBe(422);
    const created = await call(freezesRoute.POST, { who: "admin", params: { slug: slug() }, body });
    expect(created.status).toBe(201);
    const frozen = await call(windowRoute.GET, { who: "viewer", params: { slug: slug() } });
    expect(frozen.body).toMatchObject({ state: "frozen", allowed: false, freeze: { reason: "Quarter-end close" } });
    expect(frozen.body.description).toMatch(/^Frozen: Quarter-end close — until Tue 08:00, then opens Tue 10:00/);
    const lifted = await call(freezeRoute.DELETE, { who: "admin", method: "DELETE", params: { slug: slug(), id: created.body.id } });
    expect(lifted.status).toBe(200);
    expect((await call(windowRoute.GET, { who: "viewer", params: { slug: slug() } })).body.state).toBe("open");
    const actions = await getDb().auditEvent.findMany({
      where: { subjectId: world.production.id, action: { startsWith: "freeze." } },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["freeze.created", "freeze.deleted"]);
    expect((await call(freezeRoute.DELETE, { who: "admin", method: "DELETE", params: { slug: slug(), id: created.body.id } })).status).toBe(
      404,
    );
  });
});

describe("reviews", () => {
  it("lists open reviews until a release manager closes one with a comment, once", async () => {
    const release = await world.createRelease({ hotfix: true });
    const review = await getDb().$transaction((tx) =>
      openReviewForDeployment(tx, {
        principal: world.people.rm1.principal,
        releaseId: release.id,
        environmentId: world.production.id,
        deploymentId: null,
        review: { reason: "hotfix", detail: "Hotfix outside the window" },
      }),
    );
    const open = await call(reviewsRoute.GET, { who: "viewer", query: "?open=true" });
    expect(open.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: review.id, reason: "hotfix", closedAt: null })]));
    const developer = await changesNothing(() =>
      call(closeReviewRoute.POST, { who: "developer", params: { id: review.id }, body: { comment: "fine" } }),
    );
    expect(developer.status).toBe(403);
    const noComment = await changesNothing(() =>
      call(closeReviewRoute.POST, { who: "rm2", params: { id: review.id }, body: { comment: " " } }),
    );
    expect(noComment.status).toBe(422);
    const closed = await call(closeReviewRoute.POST, {
      who: "rm2",
      params: { id: review.id },
      body: { comment: "Root cause fixed; tests added" },
    });
    expect(closed.body).toMatchObject({ id: review.id, closedBy: "Remy Release", closingComment: "Root cause fixed; tests added" });
    const twice = await changesNothing(() =>
      call(closeReviewRoute.POST, { who: "rm1", params: { id: review.id }, body: { comment: "again" } }),
    );
    expect(twice.status).toBe(409);
    const stillOpen = await call(reviewsRoute.GET, { who: "viewer", query: "?open=true" });
    expect(stillOpen.body.items.map((r: { id: string }) => r.id)).not.toContain(review.id);
    expect(await getDb().auditEvent.count({ where: { action: "review.closed", subjectId: review.id } })).toBe(1);
  });
});
