// The SLI history and the alerts of every bench target, written in SQL (generate_series) in the shapes the
// real writers leave: 48 h of minute rows (lib/services/sli/record-sli-minutes.ts: requests, 5xx errors, a
// 14-bucket latency histogram over lib/providers/local/request-metrics.ts' bounds, CPU and memory) and 35 days
// of hour rows (roll-up-sli-hours.ts: the minutes summed, histograms bucket by bucket, CPU and memory averaged;
// the last 48 h of hours are folded from the minute rows themselves). Most targets serve 40–400 requests a
// minute at ≈ 0.02 % errors; a few are unhealthy on purpose, so "only unhealthy" has something to find:
// - SPIKE: 3 % errors over the last hour (one environment per service, every 50th service);
// - BUDGET_SPENT: 0.3 % errors for 35 days in production (the 99.9 % objective's budget is spent);
// - open Alertmanager alerts (P1, P2, P3) on others, and 10,000 resolved rule alerts as history.
// The hour rows' day counts are kept by the database's own triggers, as for every writer.
// Alertmanager alerts are resolved only by Alertmanager, so the bench's worker (whose evaluator finds no local
// metrics here) leaves them open for the run.
import type pg from "pg";

/** `s` and `e` of the bench's target ids `t-<s>-<e>`. */
const TARGETS = `SELECT id, split_part(id, '-', 2)::int AS s, split_part(id, '-', 3)::int AS e FROM "Target"`;
export const SPIKE = "s % 50 = 7 AND e = s % 5 + 1";
export const BUDGET_SPENT = "s % 50 = 23 AND e = 5";

/** Requests in `r`: a healthy histogram, its buckets summing to r (integer shares, the rest in the 25 ms bucket). */
const latency = (r: string) => `ARRAY[${r} * 5 / 100, ${r} * 15 / 100,
  ${r} - ${r} * 5 / 100 - ${r} * 15 / 100 - ${r} * 25 / 100 - ${r} * 15 / 100 - ${r} * 7 / 100 - ${r} * 2 / 100 - ${r} * 8 / 1000 - ${r} * 2 / 1000,
  ${r} * 25 / 100, ${r} * 15 / 100, ${r} * 7 / 100, ${r} * 2 / 100, ${r} * 8 / 1000, ${r} * 2 / 1000, 0, 0, 0, 0, 0]::int[]`;
/** A target's requests per minute, 40–399. */
const RATE = "(40 + (s * 7 + e * 13) % 360)";
/** Its error ratio at one time (`at`, against the first minute `now` of the history). */
const ratio = (at: string) =>
  `CASE WHEN ${SPIKE} AND ${at} >= now - interval '60 minutes' THEN 0.03 WHEN ${BUDGET_SPENT} THEN 0.003 ELSE 0.0002 END`;

export async function seedSliHistory(client: pg.Client): Promise<{ minutes: number; hours: number; openAlerts: number }> {
  // Triggers on: SliRollup's keep the day counts (SliDayCount) as they do for the workers' writes.
  await client.query(`SET session_replication_role = origin`);
  const now = `date_trunc('minute', now() AT TIME ZONE 'UTC')`;
  const minutes = await client.query(`
    INSERT INTO "SliRollup" ("targetId", resolution, "bucketStart", requests, errors, "latencyCounts", "cpuPercent", "memoryPercent")
    SELECT id, 'minute', m, r, floor(r * ${ratio("m")} + random())::int, ${latency("r")},
           15 + s % 30 + random() * 5, 30 + (s + e * 7) % 40 + random() * 3
    FROM (${TARGETS}) t, (SELECT ${now} AS now) n,
         generate_series(now - interval '48 hours', now - interval '1 minute', interval '1 minute') m,
         LATERAL (SELECT ${RATE} - 10 + floor(random() * 21)::int AS r) q`);
  // Hours before the minutes' first hour, whole; the rest folded from the minute rows as the writer does.
  const older = await client.query(`
    INSERT INTO "SliRollup" ("targetId", resolution, "bucketStart", requests, errors, "latencyCounts", "cpuPercent", "memoryPercent")
    SELECT id, 'hour', h, r, floor(r * ${ratio("h")} + random())::int, ${latency("r")},
           17 + s % 30 + random(), 31 + (s + e * 7) % 40 + random()
    FROM (${TARGETS}) t, (SELECT ${now} AS now) n,
         generate_series(date_trunc('hour', now) - interval '35 days', date_trunc('hour', now - interval '48 hours'), interval '1 hour') h,
         LATERAL (SELECT ${RATE} * 60 AS r) q`);
  const folded = await client.query(`
    INSERT INTO "SliRollup" ("targetId", resolution, "bucketStart", requests, errors, "latencyCounts", "cpuPercent", "memoryPercent")
    SELECT "targetId", 'hour', hour, r, errors, ${latency("r")}, cpu, memory
    FROM (SELECT "targetId", date_trunc('hour', "bucketStart") AS hour, sum(requests)::int AS r, sum(errors)::int AS errors,
                 avg("cpuPercent") AS cpu, avg("memoryPercent") AS memory
          FROM "SliRollup" WHERE resolution = 'minute' GROUP BY 1, 2) g
    WHERE hour > date_trunc('hour', ${now} - interval '48 hours')`);
  const open = await client.query(`
    INSERT INTO "Alert" (id, "targetId", name, severity, summary, source, fingerprint, "openKey", labels, "startedAt", "lastSeenAt")
    SELECT 'alert-open-' || id, id, a.name, a.severity::"AlertSeverity", a.name || ' on ' || id, 'alertmanager', md5(id || a.name),
           id || ':alertmanager:' || md5(id || a.name), jsonb_build_object('alertname', a.name, 'severity', a.severity),
           (now() AT TIME ZONE 'UTC') - interval '20 minutes', (now() AT TIME ZONE 'UTC') - interval '1 minute'
    FROM (${TARGETS}) t
    JOIN (VALUES ('HighErrorRate', 'P1', 41, 100, 5), ('SlowResponses', 'P2', 13, 60, 4), ('CpuHigh', 'P3', 3, 40, 3))
      AS a(name, severity, rem, modulus, env) ON t.s % a.modulus = a.rem AND t.e = a.env`);
  await client.query(`
    INSERT INTO "Alert" (id, "targetId", name, severity, summary, source, fingerprint, condition, value, labels, "startedAt", "lastSeenAt", "resolvedAt")
    SELECT 'alert-old-' || n, 't-' || (1 + n % 500) || '-' || (1 + n % 5), 'Error rate above 1%', 'P1', 'error rate above 1%', 'rule',
           'threshold:Error rate above 1%', 'error_rate > 1', 2.5, '{"metric":"error_rate","windowSeconds":300}',
           (now() AT TIME ZONE 'UTC') - n * interval '4 minutes', (now() AT TIME ZONE 'UTC') - n * interval '4 minutes' + interval '10 minutes',
           (now() AT TIME ZONE 'UTC') - n * interval '4 minutes' + interval '10 minutes'
    FROM generate_series(1, 10000) n`);
  return { minutes: minutes.rowCount ?? 0, hours: (older.rowCount ?? 0) + (folded.rowCount ?? 0), openAlerts: open.rowCount ?? 0 };
}
