// The deploy gate against the real database, at explicit instants: each rule that refuses is named once with
// its decision's reason, a closed window alone gives the time to wait for, overrides need the permission,
// and hotfixes and overrides open a review.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb, type Release } from "@/lib/db";
import { countRows, createReleaseWorld, digestOf } from "@/lib/testing/release-fixtures";
import { decideDeployment, openReviewForDeployment } from "./decide-deployment";

const OPEN = new Date("2026-06-15T09:00:00Z"); // Monday 11:00 in Berlin
const CLOSED = new Date("2026-06-12T10:00:00Z"); // Friday 12:00 in Berlin
const NEXT_OPENING = new Date("2026-06-15T08:00:00Z"); // Monday 10:00 in Berlin
const HOUR = 3_600_000;

let world: Awaited<ReturnType<typeof createReleaseWorld>>;

async function approve(release: Release, who: "rm1" | "rm2", options: { at: Date; digest?: string; decision?: "approve" | "reject" }) {
  await getDb().approval.create({
    data: {
      releaseId: release.id,
      environmentId: world.production.id,
      userId: world.people[who].principal.userId,
      decision: options.decision ?? "approve",
      comment: options.decision === "reject" ? "breaks the login flow" : null,
      digest: options.digest ?? release.digest,
      createdAt: options.at,
    },
  });
}

/** A release that passed staging and has two approvals given an hour before `at`. */
async function readyRelease(at: Date, options: { hotfix?: boolean } = {}) {
  const release = await world.createRelease(options);
  await world.recordDeploy(release.id, world.stagingTarget.id);
  await approve(release, "rm1", { at: new Date(at.getTime() - HOUR) });
  await approve(release, "rm2", { at: new Date(at.getTime() - HOUR) });
  return release;
}

function decide(release: Release, options: { now: Date; who?: keyof typeof world.people; overrideReason?: string }) {
  return decideDeployment({
    principal: world.people[options.who ?? "rm1"].principal,
    release,
    environment: world.production,
    target: world.productionTarget,
    overrideReason: options.overrideReason,
    now: options.now,
  });
}

const rules = (decision: { refusals: { rule: string }[] }) => decision.refusals.map((r) => r.rule);

beforeAll(async () => {
  world = await createReleaseWorld();
});
afterAll(() => disconnectDb());

describe("decideDeployment", () => {
  it("allows a promoted, approved release inside the window, opens no review, and writes nothing", async () => {
    const release = await readyRelease(OPEN);
    const before = await countRows();
    const decision = await decide(release, { now: OPEN });
    expect(decision).toMatchObject({ allowed: true, refusals: [], opensReview: null, waitUntil: null });
    expect(decision.readiness).toMatchObject({ ready: true, score: 100 });
    expect(decision.window).toMatchObject({ allowed: true, state: "open" });
    expect(await countRows()).toEqual(before);
  });

  it("refuses outside the window with the next opening time, and gives it as waitUntil", async () => {
    const release = await readyRelease(CLOSED);
    const decision = await decide(release, { now: CLOSED });
    expect(decision.allowed).toBe(false);
    expect(decision.refusals).toEqual([{ rule: "window", reason: expect.stringContaining("Closed — opens Mon 10:00 (Europe/Berlin)") }]);
    expect(decision.waitUntil).toEqual(NEXT_OPENING);
    expect(decision.window.opensAt).toEqual(NEXT_OPENING);
    // the window check fails in readiness too, but is reported once, by the window rule
    expect(decision.readiness.checks.find((c) => c.id === "window")?.status).toBe("failed");
  });

  it("refuses without enough approvals, naming how many are needed, and does not offer to wait", async () => {
    const release = await world.createRelease();
    await world.recordDeploy(release.id, world.stagingTarget.id);
    await approve(release, "rm1", { at: OPEN });
    const decision = await decide(release, { now: OPEN });
    expect(decision.refusals).toEqual([{ rule: "approvals", reason: "2 approvals required, 1 given" }]);
    expect(decision.waitUntil).toBeNull();
  });

  it("does not count an approval of another digest", async () => {
    const release = await world.createRelease();
    await world.recordDeploy(release.id, world.stagingTarget.id);
    await approve(release, "rm1", { at: OPEN });
    await approve(release, "rm2", { at: OPEN, digest: digestOf("a rebuilt image") });
    const decision = await decide(release, { now: OPEN });
    expect(decision.refusals).toEqual([
      { rule: "approvals", reason: "2 approvals required, 1 given (not counted: 1 for another artifact digest)" },
    ]);
  });

  it("is blocked by a rejection among approvals", async () => {
    const release = await world.createRelease();
    await world.recordDeploy(release.id, world.stagingTarget.id);
    await approve(release, "rm1", { at: OPEN });
    await approve(release, "rm2", { at: OPEN, decision: "reject" });
    const decision = await decide(release, { now: OPEN });
    expect(rules(decision)).toEqual(["approvals"]);
    expect(decision.refusals[0]?.reason).toBe("Rejected by Remy Release: breaks the login flow — blocked until the rejection is withdrawn");
  });

  it("does not count expired approvals", async () => {
    const release = await readyRelease(OPEN);
    const twoDaysLater = new Date(OPEN.getTime() + 48 * HOUR); // Wednesday 11:00, window open
    const decision = await decide(release, { now: twoDaysLater });
    expect(decision.refusals).toEqual([{ rule: "approvals", reason: "2 approvals required, 0 given (not counted: 2 expired)" }]);
  });

  it("refuses a release that has not succeeded in staging, and a failed staging deploy does not count", async () => {
    const release = await world.createRelease();
    await world.recordDeploy(release.id, world.stagingTarget.id, "failed");
    await approve(release, "rm1", { at: OPEN });
    await approve(release, "rm2", { at: OPEN });
    const decision = await decide(release, { now: OPEN });
    expect(decision.refusals).toEqual([
      {
        rule: "promotion",
        reason: `Deploy this release to ${world.staging.slug} and let it succeed there before ${world.production.slug}`,
      },
    ]);
  });

  it("refuses when readiness fails on its own checks: an open P1 alert, a missing backup", async () => {
    const release = await readyRelease(OPEN);
    const db = getDb();
    const alert = await db.alert.create({ data: { targetId: world.productionTarget.id, name: "Error rate above 1%", severity: "P1" } });
    await db.target.update({ where: { id: world.productionTarget.id }, data: { requiresBackup: true } });
    const target = await db.target.findUniqueOrThrow({ where: { id: world.productionTarget.id } });
    try {
      const decision = await decideDeployment({
        principal: world.people.rm1.principal,
        release,
        environment: world.production,
        target,
        now: OPEN,
      });
      expect(rules(decision)).toEqual(["readiness"]);
      expect(decision.refusals[0]?.reason).toMatch(
        /Backup recorded — This target requires a backup.*No open P1 alert on the target — 1 open P1 alert/,
      );
      expect(decision.readiness.ready).toBe(false);
      await db.backup.create({
        data: { targetId: target.id, releaseId: release.id, note: "pg_dump", recordedById: world.people.rm1.principal.userId },
      });
      await db.alert.update({ where: { id: alert.id }, data: { resolvedAt: OPEN } });
      const after = await decideDeployment({
        principal: world.people.rm1.principal,
        release,
        environment: world.production,
        target,
        now: OPEN,
      });
      expect(after).toMatchObject({ allowed: true, refusals: [] });
    } finally {
      await db.target.update({ where: { id: target.id }, data: { requiresBackup: false } });
    }
  });

  it("reports every rule that refuses, each once", async () => {
    const release = await world.createRelease();
    const decision = await decide(release, { now: CLOSED, who: "developer", overrideReason: "customers are waiting for this fix" });
    expect(rules(decision)).toEqual(["override_permission", "window", "approvals", "promotion"]);
    expect(decision.refusals[0]?.reason).toContain('"window.override" permission');
    expect(decision.waitUntil).toBeNull();
  });

  it("refuses an override from a role without the window.override permission", async () => {
    const release = await readyRelease(CLOSED);
    const decision = await decide(release, { now: CLOSED, who: "developer", overrideReason: "customers are waiting for this fix" });
    expect(rules(decision)).toEqual(["override_permission", "window"]);
    expect(decision.opensReview).toBeNull();
  });

  it("allows a release manager's override with a written reason, and asks for a window_override review", async () => {
    const release = await readyRelease(CLOSED);
    const decision = await decide(release, { now: CLOSED, overrideReason: "payment outage fix, agreed with support" });
    expect(decision).toMatchObject({ allowed: true, refusals: [], waitUntil: null });
    expect(decision.window.bypass).toBe("override");
    expect(decision.opensReview).toEqual({
      reason: "window_override",
      detail: expect.stringContaining("payment outage fix, agreed with support"),
    });
  });

  it("refuses an override reason too short to explain anything", async () => {
    const release = await readyRelease(CLOSED);
    const decision = await decide(release, { now: CLOSED, overrideReason: "urgent" });
    expect(rules(decision)).toEqual(["window"]);
    expect(decision.refusals[0]?.reason).toMatch(/at least 10 characters/);
  });

  it("lets a production hotfix deploy outside the window and skip staging, still needing approvals, and asks for a hotfix review", async () => {
    const hotfix = await world.createRelease({ hotfix: true });
    const unapproved = await decide(hotfix, { now: CLOSED });
    expect(rules(unapproved)).toEqual(["approvals"]);
    await approve(hotfix, "rm1", { at: CLOSED });
    await approve(hotfix, "rm2", { at: CLOSED });
    const decision = await decide(hotfix, { now: CLOSED });
    expect(decision).toMatchObject({ allowed: true, refusals: [] });
    expect(decision.window.bypass).toBe("hotfix");
    expect(decision.opensReview).toEqual({
      reason: "hotfix",
      detail: expect.stringMatching(/^Hotfix .* by .*Hotfix allowed outside the window/),
    });
  });

  it("refuses on the readiness score alone when exceptions add up, with no rule refusing", async () => {
    // A hotfix outside the window (window warns: 10/20), skipping staging (promotion warns: 10/20), to a
    // production environment whose policy asks no approval (approvals warn: 12.5/25), with no smoke run in
    // staging to go on (smoke warns: 7.5/15): 60 < 70.
    const hotfix = await world.createRelease({ hotfix: true });
    const decision = await decideDeployment({
      principal: world.people.rm1.principal,
      release: hotfix,
      environment: { ...world.production, requiredApprovals: 0 },
      target: world.productionTarget,
      now: CLOSED,
    });
    expect(decision.readiness).toMatchObject({ score: 60, ready: false });
    expect(decision.refusals).toEqual([{ rule: "readiness", reason: expect.stringMatching(/^Not ready \(60\/100.*too many warnings/) }]);
    expect(decision).toMatchObject({ allowed: false, waitUntil: null, opensReview: null });
  });

  it("asks for a review of every production hotfix, even inside the window", async () => {
    const hotfix = await readyRelease(OPEN, { hotfix: true });
    const decision = await decide(hotfix, { now: OPEN });
    expect(decision).toMatchObject({ allowed: true, opensReview: { reason: "hotfix" } });
  });

  it("openReviewForDeployment records the review and its audit entry in the caller's transaction", async () => {
    const release = await readyRelease(CLOSED);
    const decision = await decide(release, { now: CLOSED, overrideReason: "payment outage fix, agreed with support" });
    const db = getDb();
    const review = await db.$transaction((tx) =>
      openReviewForDeployment(tx, {
        principal: world.people.rm1.principal,
        releaseId: release.id,
        environmentId: world.production.id,
        deploymentId: null,
        review: decision.opensReview!,
      }),
    );
    const stored = await db.review.findUniqueOrThrow({ where: { id: review.id } });
    expect(stored).toMatchObject({ reason: "window_override", closedAt: null, openedById: world.people.rm1.principal.userId });
    expect(await db.auditEvent.count({ where: { action: "review.opened", subjectId: review.id } })).toBe(1);
  });
});
