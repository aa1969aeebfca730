// The 30-day budget window against the real database: the day counts follow every write of hour rows (the
// fold's inserts and upserts, a hand insert, the prune's deletes) through SliRollup's triggers, and the window
// they make up equals the plain sum of its whole hour rows and the current hour's minutes.
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { createTarget } from "@/lib/services/rollout/testing/engine-fixtures";
import { rollUpSliHours } from "./roll-up-sli-hours";
import { budgetWindowBounds, sumBudgetWindow } from "./sum-budget-window";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Two years ahead, out of reach of the other files' workers folding and pruning the shared database in real time.
const now = new Date(Date.UTC(new Date().getUTCFullYear() + 2, 2, 15, 10, 37));
const row = (targetId: string, resolution: "minute" | "hour", startMs: number, requests: number, errors: number) => ({
  targetId,
  resolution,
  bucketStart: new Date(startMs),
  requests,
  errors,
  latencyCounts: [requests],
});

/** The day counts of a target, against its hour rows summed per day in SQL. */
async function dayCountsAndHourSums(targetId: string) {
  const db = getDb();
  const days = await db.sliDayCount.findMany({ where: { targetId, requests: { not: 0 } }, orderBy: { day: "asc" } });
  const sums = await db.$queryRaw<{ day: Date; requests: bigint; errors: bigint }[]>`
    SELECT date_trunc('day', "bucketStart") AS day, sum(requests) AS requests, sum(errors) AS errors
    FROM "SliRollup" WHERE "targetId" = ${targetId} AND resolution = 'hour' GROUP BY 1 ORDER BY 1`;
  return {
    days: days.map((d) => [d.day.toISOString(), Number(d.requests), Number(d.errors)]),
    sums: sums.map((s) => [new Date(s.day).toISOString(), Number(s.requests), Number(s.errors)]),
  };
}

afterAll(async () => {
  await disconnectDb();
});

describe("the budget window", () => {
  it("is made of day counts that follow the hour rows, and equals the plain sum", async () => {
    const db = getDb();
    const { target } = await createTarget({ strategy: "rolling" });
    const { from, currentHour } = budgetWindowBounds(now.getTime());
    // 33 days of hour rows (3 before the window), hour h of the series: 100 + h requests, h % 7 errors
    const hours = Array.from({ length: 33 * 24 }, (_, h) => row(target.id, "hour", currentHour - (h + 1) * HOUR, 100 + h, h % 7));
    await db.sliRollup.createMany({ data: hours });
    // the current hour's minutes, and one at `now` that is not in the window yet
    const minutes = Array.from({ length: 37 }, (_, m) => row(target.id, "minute", currentHour + m * MINUTE, 10, m % 2));
    await db.sliRollup.createMany({ data: [...minutes, row(target.id, "minute", now.getTime(), 5000, 5000)] });

    const inWindow = hours.filter((h) => h.bucketStart.getTime() >= from);
    const expected = {
      requests: [...inWindow, ...minutes].reduce((sum, r) => sum + r.requests, 0),
      errors: [...inWindow, ...minutes].reduce((sum, r) => sum + r.errors, 0),
    };
    expect((await sumBudgetWindow({ targetIds: [target.id], nowMs: now.getTime() })).get(target.id)).toEqual(expected);
    const inserted = await dayCountsAndHourSums(target.id);
    expect(inserted.days).toHaveLength(34); // 33 days of hours across 34 calendar days
    expect(inserted.days).toEqual(inserted.sums);

    // The fold re-writes the current hour from its minutes (an insert) and an earlier hour (an upsert).
    const earlier = currentHour - 5 * DAY - 3 * HOUR;
    await db.sliRollup.createMany({ data: [row(target.id, "minute", earlier + 7 * MINUTE, 40, 4)] });
    await rollUpSliHours({ now, since: new Date(earlier) });
    const folded = await dayCountsAndHourSums(target.id);
    expect(folded.days).toEqual(folded.sums);
    const earlierHour = await db.sliRollup.findUniqueOrThrow({
      where: { targetId_resolution_bucketStart: { targetId: target.id, resolution: "hour", bucketStart: new Date(earlier) } },
    });
    expect([earlierHour.requests, earlierHour.errors]).toEqual([40, 4]);
    // the window reads the earlier hour's new counts (and still the current hour from its minutes)
    const replaced = hours.find((h) => h.bucketStart.getTime() === earlier)!;
    expect((await sumBudgetWindow({ targetIds: [target.id], nowMs: now.getTime() })).get(target.id)).toEqual({
      requests: expected.requests - replaced.requests + 40,
      errors: expected.errors - replaced.errors + 4,
    });

    // Deleting hour rows (as the prune does, here only this target's, from the middle of a day) takes them off their days.
    await db.sliRollup.deleteMany({
      where: { targetId: target.id, resolution: "hour", bucketStart: { lt: new Date(currentHour - 31 * DAY - 5 * HOUR) } },
    });
    const deleted = await dayCountsAndHourSums(target.id);
    expect(deleted.days).toEqual(deleted.sums);
    expect(deleted.days).toHaveLength(32);
  });

  it("is absent for a target without history and sums every target asked in one query", async () => {
    const db = getDb();
    const [{ target: quiet }, { target: busy }] = [
      await createTarget({ strategy: "rolling" }),
      await createTarget({ strategy: "rolling" }),
    ];
    const { currentHour } = budgetWindowBounds(now.getTime());
    await db.sliRollup.createMany({
      data: [row(busy.id, "hour", currentHour - 10 * DAY, 500, 3), row(busy.id, "minute", currentHour, 7, 1)],
    });
    const sums = await sumBudgetWindow({ targetIds: [quiet.id, busy.id], nowMs: now.getTime() });
    expect(sums.has(quiet.id)).toBe(false);
    expect(sums.get(busy.id)).toEqual({ requests: 507, errors: 4 });
  });
});
