// The error-budget freeze on the deploy gate, with a spent budget in the rollups (10 hours of 10,000
// requests, 200 failed: twice the 100 a 99.9 % objective allows): a deploy is refused with the rule named
// and nothing written; a rollback and a hotfix still go; a release manager's written reason overrides it and
// opens a review; a developer may not override; an environment without the freeze deploys as before.
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createPrincipal, createRelease, createTarget } from "./testing/engine-fixtures";
import { startDeployment } from "./start-deployment";
import { startRollback } from "./start-rollback";

const HOUR = 3_600_000;
const releaseIds: string[] = [];

async function spentTarget({ freeze = true }: { freeze?: boolean } = {}) {
  const db = getDb();
  const fixture = await createTarget({ strategy: "rolling" });
  await db.environment.update({ where: { id: fixture.environment.id }, data: { budgetFreeze: freeze } });
  const hourNow = Math.floor(Date.now() / HOUR) * HOUR;
  await db.sliRollup.createMany({
    data: Array.from({ length: 10 }, (_, k) => ({
      targetId: fixture.target.id,
      resolution: "hour" as const,
      bucketStart: new Date(hourNow - (k + 2) * HOUR),
      requests: 10_000,
      errors: 20,
      latencyCounts: [10_000],
    })),
  });
  return fixture;
}

async function releaseOf(serviceId: string, authorId: string, options: { hotfix?: boolean } = {}) {
  const created = await createRelease(serviceId, `1.0.${releaseIds.length}`, authorId);
  releaseIds.push(created.id);
  if (options.hotfix) await getDb().release.update({ where: { id: created.id }, data: { hotfix: true } });
  return created;
}

const counts = async () => [await getDb().deployment.count(), await getDb().review.count(), await getDb().auditEvent.count()];

afterAll(async () => {
  await getDb().deployment.updateMany({
    where: { activeTargetId: { not: null }, releaseId: { in: releaseIds } },
    data: { state: "aborted", activeTargetId: null, finishedAt: new Date() },
  });
  await (await import("@/lib/queue/enqueue")).closeQueues();
  await (await import("@/lib/redis")).closeRedis();
  await (await import("@/lib/db")).disconnectDb();
});

describe("the error-budget freeze", () => {
  it("refuses a deploy while the budget is spent, naming the rule, and changes nothing", async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service } = await spentTarget();
    const release = await releaseOf(service.id, principal.userId!);
    const before = await counts();
    const error = await startDeployment({
      principal,
      input: { releaseId: release.id, environment: environment.slug, waitForWindow: false },
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "validation", extra: { rule: "budget_freeze" } });
    expect(error.message).toMatch(
      /^Frozen: error budget spent, recovers around \d{4}-\d\d-\d\d \d\d:\d\d UTC\. Budget spent: 200 failed requests of 100000/,
    );
    expect(await counts()).toEqual(before);
  });

  it("still accepts a rollback", async () => {
    const principal = await createPrincipal("oncall");
    const { target, service } = await spentTarget();
    const author = await createPrincipal("developer");
    const [good, bad] = [await releaseOf(service.id, author.userId!), await releaseOf(service.id, author.userId!)];
    const db = getDb();
    for (const [release, revision, finished] of [
      [good, "r1", 2],
      [bad, "r2", 1],
    ] as const) {
      await db.deployment.create({
        data: {
          releaseId: release.id,
          targetId: target.id,
          strategy: "rolling",
          state: "succeeded",
          revision,
          finishedAt: new Date(Date.now() - finished * HOUR),
        },
      });
    }
    await db.target.update({ where: { id: target.id }, data: { currentRevision: "r2", currentReleaseId: bad.id } });
    const { deploymentId } = await startRollback({ principal, targetId: target.id, input: { reason: "budget spent by r2" } });
    expect(await db.deployment.findUniqueOrThrow({ where: { id: deploymentId } })).toMatchObject({ kind: "rollback", releaseId: good.id });
  });

  it("still accepts a hotfix, opening its review", async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service } = await spentTarget();
    const release = await releaseOf(service.id, principal.userId!, { hotfix: true });
    const { id } = await startDeployment({
      principal,
      input: { releaseId: release.id, environment: environment.slug, waitForWindow: false },
    });
    const review = await getDb().review.findFirstOrThrow({ where: { deploymentId: id } });
    expect(review.reason).toBe("hotfix");
    expect(review.detail).toContain("Frozen: error budget spent");
  });

  it("lets a release manager override it with a written reason, opening a budget-override review", async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service } = await spentTarget();
    const release = await releaseOf(service.id, principal.userId!);
    const { id } = await startDeployment({
      principal,
      input: {
        releaseId: release.id,
        environment: environment.slug,
        overrideReason: "the fix for the errors that spent it",
        waitForWindow: false,
      },
    });
    const review = await getDb().review.findFirstOrThrow({ where: { deploymentId: id } });
    expect(review).toMatchObject({ reason: "budget_override", closedAt: null });
    expect(review.detail).toContain('"the fix for the errors that spent it"');
  });

  it("refuses a developer's override with 403 naming the permission", async () => {
    const developer = await createPrincipal("developer");
    const { environment, service } = await spentTarget();
    const release = await releaseOf(service.id, developer.userId!);
    const error = await startDeployment({
      principal: developer,
      input: { releaseId: release.id, environment: environment.slug, overrideReason: "I really need this out today", waitForWindow: false },
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "forbidden", extra: { rule: "override_permission" } });
    expect(error.extra.refusals.map((r: { rule: string }) => r.rule)).toContain("budget_freeze");
  });

  it("does not hold deploys where the environment has no freeze", async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service } = await spentTarget({ freeze: false });
    const release = await releaseOf(service.id, principal.userId!);
    const { id } = await startDeployment({
      principal,
      input: { releaseId: release.id, environment: environment.slug, waitForWindow: false },
    });
    expect(await getDb().review.count({ where: { deploymentId: id } })).toBe(0);
  });
});
