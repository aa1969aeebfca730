// The requests and errors of the rolling error-budget window (30 days) of any number of targets, in one grouped
// query. The window starts at its first whole hour (hour rows are the finest kept that long) and ends now. It
// is summed from the fewest rows that cover it exactly: the hour rows up to the first midnight, the day counts
// (SliDayCount, kept by triggers from the hour rows) up to today, today's hour rows up to the current hour,
// and the current hour's minutes — at most 23 + 30 + 23 + 60 rows a target instead of 720 hour rows and the
// minutes. The Overview's cells and the SLO pages read the same numbers from here.
import { db } from "@/lib/db";
import { BUDGET_WINDOW_DAYS } from "@/lib/domain/slo/slo-objectives";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export type WindowCounts = { requests: number; errors: number };

const iso = (ms: number) => new Date(ms).toISOString();

/** The boundaries of the window ending at `nowMs`: its first hour, first midnight, today, the current hour. */
export function budgetWindowBounds(nowMs: number, days = BUDGET_WINDOW_DAYS) {
  const from = Math.ceil((nowMs - days * DAY_MS) / HOUR_MS) * HOUR_MS;
  const currentHour = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
  const today = Math.floor(currentHour / DAY_MS) * DAY_MS;
  const firstDay = Math.min(Math.ceil(from / DAY_MS) * DAY_MS, today);
  return { from, firstDay, today, currentHour };
}

/** Counts by target id; a target with no rows in the window is absent. */
export async function sumBudgetWindow({ targetIds, nowMs }: { targetIds: string[]; nowMs: number }): Promise<Map<string, WindowCounts>> {
  if (targetIds.length === 0) return new Map();
  const { from, firstDay, today, currentHour } = budgetWindowBounds(nowMs);
  const rows = await db.$queryRaw<{ targetId: string; requests: bigint | null; errors: bigint | null }[]>`
    SELECT "targetId", sum(requests) AS requests, sum(errors) AS errors FROM (
      SELECT "targetId", requests::bigint, errors::bigint FROM "SliRollup"
      WHERE "targetId" = ANY(${targetIds}::text[]) AND (
        (resolution = 'hour' AND "bucketStart" >= ${iso(from)}::timestamp AND "bucketStart" < ${iso(firstDay)}::timestamp)
        OR (resolution = 'hour' AND "bucketStart" >= ${iso(today)}::timestamp AND "bucketStart" < ${iso(currentHour)}::timestamp)
        OR (resolution = 'minute' AND "bucketStart" >= ${iso(currentHour)}::timestamp AND "bucketStart" < ${iso(nowMs)}::timestamp))
      UNION ALL
      SELECT "targetId", requests, errors FROM "SliDayCount"
      WHERE "targetId" = ANY(${targetIds}::text[]) AND day >= ${iso(firstDay)}::timestamp AND day < ${iso(today)}::timestamp
    ) w
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.targetId, { requests: Number(r.requests ?? 0), errors: Number(r.errors ?? 0) }]));
}
