// The SLOs' burn-rate rules through the alert evaluation, against the real database: a serving target whose
// SLI history (minute rollups, as the workers write them) shows 2 % of its requests failing for the last hour
// burns a 99.9 % budget at 20×, so the fast rule pages (P1), the medium one pages (P2) and the slow one opens
// a ticket (P3); evaluating again opens nothing more; once the last 10 minutes are clean the fast rule's
// short window is back under its factor and its alert resolves while the slower ones keep firing.
import { afterAll, beforeAll, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { closeQueues } from "@/lib/queue/enqueue";
import { closeRedis } from "@/lib/redis";
import { createTarget } from "@/lib/services/rollout/testing/engine-fixtures";
import { readBurnRates, readRollupBurnRates } from "@/lib/services/sli/read-burn-rates";
import { runAlertEvaluation } from "./run-alert-evaluation";

const MINUTE = 60_000;
const db = () => getDb();
let targetId: string;

function minutes(from: number, count: number, requests: number, errors: number) {
  return Array.from({ length: count }, (_, i) => ({
    targetId,
    resolution: "minute" as const,
    bucketStart: new Date(from + i * MINUTE),
    requests,
    errors,
    latencyCounts: [0, 0, 0, 0, requests, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    cpuPercent: 10,
    memoryPercent: 30,
  }));
}

const burnAlerts = () =>
  db().alert.findMany({ where: { targetId, fingerprint: { startsWith: "burn:" } }, orderBy: { fingerprint: "asc" } });

beforeAll(async () => {
  const { target, service } = await createTarget({ strategy: "rolling" });
  targetId = target.id;
  // No threshold rules: this test is about the burn-rate ones alone.
  await db().service.update({ where: { id: service.id }, data: { alertRules: [] } });
  await db().target.update({ where: { id: targetId }, data: { currentRevision: "serving-r1" } });
});
afterAll(async () => {
  await closeQueues();
  await closeRedis();
  await disconnectDb();
});

it("pages on a fast burn, de-duplicates, and resolves the fast rule once the short window is clean", async () => {
  // A month ahead of the clock: the other test files' workers, which fold, prune and evaluate the shared
  // database in real time, never reach these rows (their windows end now; pruning removes only old rows).
  // A quarter past an hour, so that ten minutes later is still the same hour: the 3-day window reads whole
  // hours from hour rows and the current hour from minute rows, and this test writes minute rows only. Run in
  // the last ten minutes of an hour, the later evaluation's current hour held only clean minutes.
  const HOUR = 60 * MINUTE;
  const now = Math.floor(Date.now() / HOUR) * HOUR + 15 * MINUTE + 30 * 24 * HOUR;
  await db().sliRollup.createMany({ data: minutes(now - 60 * MINUTE, 60, 1_000, 20) });

  // The evaluator reads a rollup target's burn rates in a batch: the same decision as the target's own read.
  const target = await db().target.findUniqueOrThrow({ where: { id: targetId }, include: { service: true } });
  const batch = await readRollupBurnRates({ targets: [{ ...target, slos: target.service.slos }], now: new Date(now) });
  expect(batch.get(targetId)).toEqual(await readBurnRates({ targetId, now: new Date(now) }));
  expect(batch.get(targetId)?.action).toBe("page");

  await runAlertEvaluation({ now: new Date(now) });
  const opened = await burnAlerts();
  expect(opened.map((a) => [a.fingerprint, a.severity, a.resolvedAt])).toEqual([
    ["burn:fast", "P1", null],
    ["burn:medium", "P2", null],
    ["burn:slow", "P3", null],
  ]);
  const fast = opened[0]!;
  expect(fast.value).toBeCloseTo(20, 5);
  expect(fast.name).toBe("Error budget burning 14.4× over 1h and 5m (page)");
  expect(fast.summary).toMatch(/^page when the burn rate is at least 14\.4× over 1h and 5m .*: 1h 20×, 5m 20×$/);

  await runAlertEvaluation({ now: new Date(now + 1_000) });
  expect((await burnAlerts()).map((a) => a.id)).toEqual(opened.map((a) => a.id));

  // Ten clean minutes: the hour still burns 16.7× (1,000 errors in 60,000 requests), the last 5 min 0×, so the
  // fast rule no longer holds on both windows, while 6 h and 3 d still burn well above 6× and 1×.
  await db().sliRollup.createMany({ data: minutes(now, 10, 1_000, 0) });
  await runAlertEvaluation({ now: new Date(now + 10 * MINUTE) });
  const later = await burnAlerts();
  expect(later.map((a) => [a.fingerprint, a.resolvedAt !== null])).toEqual([
    ["burn:fast", true],
    ["burn:medium", false],
    ["burn:slow", false],
  ]);
});
