// POST /api/v1/deployments asks the deploy gate before it claims a target: refusals name their rule and
// change nothing; a deploy refused only by its window can wait queued and starts when the window opens;
// an override by a release manager goes ahead and opens a post-hoc review. Time is the test clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createPrincipal, createRelease, createTarget } from "./testing/engine-fixtures";

process.env.FLIGHTDECK_TEST_CLOCK = "1";
const { setTestClock } = await import("@/lib/clock");
const { startDeployment } = await import("./start-deployment");
const { wakeWaitingDeployments } = await import("./wake-waiting-deployments");

// Friday 2026-11-20 12:00 UTC: outside Mon–Thu 10:00–16:00. Monday 2026-11-23 10:00 UTC: the window opens.
const FRIDAY_NOON = new Date("2026-11-20T12:00:00Z");
const MONDAY_OPEN = new Date("2026-11-23T10:00:00Z");

async function productionTarget() {
  const fixture = await createTarget({ strategy: "rolling", production: true });
  await getDb().environment.update({
    where: { id: fixture.environment.id },
    data: { allowWindows: [{ days: [1, 2, 3, 4], start: "10:00", end: "16:00" }], timezone: "UTC" },
  });
  return fixture;
}

const releaseIds: string[] = [];
async function releaseOf(serviceId: string, authorId: string) {
  const created = await createRelease(serviceId, "1.0.0", authorId);
  releaseIds.push(created.id);
  return created;
}

const counts = async () => [await getDb().deployment.count(), await getDb().review.count(), await getDb().auditEvent.count()];

beforeAll(() => setTestClock({ at: FRIDAY_NOON }));
// The deployments these tests start are never run by a worker here; they are ended afterwards so that a
// worker of a later test file (whose reconciler scans the shared run database) does not pick them up.
afterAll(async () => {
  await getDb().deployment.updateMany({
    where: { activeTargetId: { not: null }, releaseId: { in: releaseIds } },
    data: { state: "aborted", activeTargetId: null, finishedAt: new Date() },
  });
  await setTestClock({ at: null });
  await (await import("@/lib/queue/enqueue")).closeQueues();
  await (await import("@/lib/redis")).closeRedis();
  await (await import("@/lib/db")).disconnectDb();
});

describe("the deploy gate on POST /deployments", () => {
  it("refuses outside the window with the next opening time, and changes nothing", async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service } = await productionTarget();
    const release = await releaseOf(service.id, principal.userId);
    const before = await counts();
    const error = await startDeployment({
      principal,
      input: { releaseId: release.id, environment: environment.slug, waitForWindow: false },
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "validation", extra: { rule: "window", opensAt: MONDAY_OPEN.toISOString() } });
    expect(error.message).toContain("2026-11-23T10:00:00.000Z");
    expect(await counts()).toEqual(before);
  });

  it("refuses a developer's window override with 403 naming the permission", async () => {
    const developer = await createPrincipal("developer");
    const { environment, service } = await createTarget({ strategy: "rolling" });
    const release = await releaseOf(service.id, developer.userId);
    const error = await startDeployment({
      principal: developer,
      input: {
        releaseId: release.id,
        environment: environment.slug,
        overrideReason: "customer escalation needs this now",
        waitForWindow: false,
      },
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "forbidden", extra: { rule: "override_permission" } });
  });

  it("lets a release manager override the window with a written reason, opening a review", async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service } = await productionTarget();
    const release = await releaseOf(service.id, principal.userId);
    const { id } = await startDeployment({
      principal,
      input: {
        releaseId: release.id,
        environment: environment.slug,
        overrideReason: "security fix for CVE-2026-1234",
        waitForWindow: false,
      },
    });
    const review = await getDb().review.findFirstOrThrow({ where: { deploymentId: id } });
    expect(review).toMatchObject({ reason: "window_override", closedAt: null });
    expect((await getDb().deployment.findUniqueOrThrow({ where: { id } })).overrideReason).toBe("security fix for CVE-2026-1234");
  });

  it("queues a deploy until the window opens when asked to wait, then starts it", async () => {
    const principal = await createPrincipal("release_manager");
    const { environment, service } = await productionTarget();
    const release = await releaseOf(service.id, principal.userId);
    const { id, state } = await startDeployment({
      principal,
      input: { releaseId: release.id, environment: environment.slug, waitForWindow: true },
    });
    expect(state).toBe("waiting_for_window");
    expect((await getDb().deployment.findUniqueOrThrow({ where: { id } })).resumeAt).toEqual(MONDAY_OPEN);
    expect(await wakeWaitingDeployments()).not.toContain(id);
    await setTestClock({ at: new Date("2026-11-23T10:00:05Z") });
    expect(await wakeWaitingDeployments()).toContain(id);
    expect((await getDb().deployment.findUniqueOrThrow({ where: { id } })).state).toBe("queued");
    await setTestClock({ at: FRIDAY_NOON });
  });
});
