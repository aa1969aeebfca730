// Folds minute rows into hour rows in one statement: counts summed, latency histograms summed bucket by
// bucket, CPU and memory averaged. The hours touched are re-folded on every tick (the current hour grows),
// so the statement upserts; it is idempotent.
import { db } from "@/lib/db";

const HOUR_MS = 3_600_000;

/**
 * Re-folds the hours from the one holding `since` (default: `hoursBack` hours before `now`'s) up to and
 * including `now`'s; returns the hour rows written.
 */
export async function rollUpSliHours({ now, hoursBack = 1, since }: { now: Date; hoursBack?: number; since?: Date }): Promise<number> {
  const firstHour = since ? Math.floor(since.getTime() / HOUR_MS) : Math.floor(now.getTime() / HOUR_MS) - hoursBack;
  const from = new Date(firstHour * HOUR_MS).toISOString();
  const to = new Date((Math.floor(now.getTime() / HOUR_MS) + 1) * HOUR_MS).toISOString();
  return db.$executeRaw`
    INSERT INTO "SliRollup" ("targetId", "resolution", "bucketStart", "requests", "errors", "latencyCounts", "cpuPercent", "memoryPercent")
    SELECT g."targetId", 'hour'::"SliResolution", g.hour, g.requests, g.errors, COALESCE(l.counts, '{}'), g.cpu, g.memory
    FROM (
      SELECT "targetId", date_trunc('hour', "bucketStart") AS hour, sum("requests")::int AS requests, sum("errors")::int AS errors,
             avg("cpuPercent") AS cpu, avg("memoryPercent") AS memory
      FROM "SliRollup"
      WHERE "resolution" = 'minute' AND "bucketStart" >= ${from}::timestamp AND "bucketStart" < ${to}::timestamp
      GROUP BY 1, 2
    ) g
    CROSS JOIN LATERAL (
      SELECT array_agg(s.total ORDER BY s.i) AS counts
      FROM (
        SELECT u.i, sum(u.c)::int AS total
        FROM "SliRollup" m, unnest(m."latencyCounts") WITH ORDINALITY AS u(c, i)
        WHERE m."targetId" = g."targetId" AND m."resolution" = 'minute'
          AND m."bucketStart" >= g.hour AND m."bucketStart" < g.hour + interval '1 hour'
        GROUP BY u.i
      ) s
    ) l
    ON CONFLICT ("targetId", "resolution", "bucketStart") DO UPDATE SET
      "requests" = EXCLUDED."requests", "errors" = EXCLUDED."errors", "latencyCounts" = EXCLUDED."latencyCounts",
      "cpuPercent" = EXCLUDED."cpuPercent", "memoryPercent" = EXCLUDED."memoryPercent"`;
}
