// The counts of every SLO window of one target, summed in Postgres rather than read row by row (a page of
// 50 targets at full retention is 54,000 rows): one query for every window's requests and errors (5 m to 6 h
// from minute rows; 3 d and 30 d from whole hour rows plus the current hour's minutes) and the last hour's CPU
// and memory, one for the last hour's latency histogram. The hourly counts behind the recovery estimate are
// read only when the budget is spent. A Prometheus target is asked for each window instead.
import { db } from "@/lib/db";
import { computeErrorBudget } from "@/lib/domain/slo/compute-error-budget";
import { SLO_WINDOWS, type SloWindow } from "@/lib/domain/slo/describe-target-slo";
import type { HourlyCounts } from "@/lib/domain/slo/estimate-budget-recovery";
import { summarizeSliRows, type SliSummary } from "@/lib/domain/slo/summarize-sli-rows";
import { readPrometheusTargetSli } from "@/lib/metrics/sli/read-prometheus-target-sli";
import { createTargetSliSampler, SLI_LATENCY_BOUNDS_MS } from "@/lib/metrics/sli/target-sli-sampler";

const HOUR_MS = 3_600_000;
const SHORT: SloWindow[] = ["5m", "30m", "1h", "6h"];
const LONG: SloWindow[] = ["3d", "30d"];

/** Windows other than 1 h carry counts only (their latency and resources are not read). */
export type SloWindows = { source: "rollups" | "prometheus"; windows: Record<SloWindow, SliSummary | null>; hours: HourlyCounts[] | null };

type Sums = Record<string, bigint | number | null>;

const iso = (ms: number) => new Date(ms).toISOString();

async function sumWindows(targetId: string, nowMs: number): Promise<Sums> {
  const currentHour = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
  const shortFrom = (w: SloWindow) => iso(nowMs - SLO_WINDOWS[w] * 1000);
  const longFrom = (w: SloWindow) => iso(Math.ceil((nowMs - SLO_WINDOWS[w] * 1000) / HOUR_MS) * HOUR_MS);
  const [s5, s30, s1h, s6h, l3d, l30d] = [...SHORT.map(shortFrom), ...LONG.map(longFrom)];
  const [sums] = await db.$queryRaw<Sums[]>`
    SELECT
      sum(requests) FILTER (WHERE m AND t >= ${s5}::timestamp) AS "r5m", sum(errors) FILTER (WHERE m AND t >= ${s5}::timestamp) AS "e5m",
      sum(requests) FILTER (WHERE m AND t >= ${s30}::timestamp) AS "r30m", sum(errors) FILTER (WHERE m AND t >= ${s30}::timestamp) AS "e30m",
      sum(requests) FILTER (WHERE m AND t >= ${s1h}::timestamp) AS "r1h", sum(errors) FILTER (WHERE m AND t >= ${s1h}::timestamp) AS "e1h",
      sum(requests) FILTER (WHERE m) AS "r6h", sum(errors) FILTER (WHERE m) AS "e6h",
      sum(requests) FILTER (WHERE (NOT m AND t >= ${l3d}::timestamp) OR (m AND t >= ${iso(currentHour)}::timestamp)) AS "r3d",
      sum(errors) FILTER (WHERE (NOT m AND t >= ${l3d}::timestamp) OR (m AND t >= ${iso(currentHour)}::timestamp)) AS "e3d",
      sum(requests) FILTER (WHERE NOT m OR t >= ${iso(currentHour)}::timestamp) AS "r30d",
      sum(errors) FILTER (WHERE NOT m OR t >= ${iso(currentHour)}::timestamp) AS "e30d",
      avg("cpuPercent") FILTER (WHERE m AND t >= ${s1h}::timestamp) AS cpu, avg("memoryPercent") FILTER (WHERE m AND t >= ${s1h}::timestamp) AS memory
    FROM (
      SELECT resolution = 'minute' AS m, "bucketStart" AS t, requests, errors, "cpuPercent", "memoryPercent"
      FROM "SliRollup"
      WHERE "targetId" = ${targetId} AND (
        (resolution = 'minute' AND "bucketStart" >= ${s6h}::timestamp AND "bucketStart" < ${iso(nowMs)}::timestamp)
        OR (resolution = 'hour' AND "bucketStart" >= ${l30d}::timestamp AND "bucketStart" < ${iso(currentHour)}::timestamp))
    ) r`;
  return sums ?? {};
}

async function lastHourHistogram(targetId: string, nowMs: number): Promise<number[]> {
  const rows = await db.$queryRaw<{ total: number }[]>`
    SELECT sum(u.c)::int AS total
    FROM "SliRollup" m, unnest(m."latencyCounts") WITH ORDINALITY AS u(c, i)
    WHERE m."targetId" = ${targetId} AND m.resolution = 'minute'
      AND m."bucketStart" >= ${iso(nowMs - HOUR_MS)}::timestamp AND m."bucketStart" < ${iso(nowMs)}::timestamp
    GROUP BY u.i ORDER BY u.i`;
  return rows.map((r) => r.total);
}

async function hourlyCounts(targetId: string, nowMs: number): Promise<HourlyCounts[]> {
  const rows = await db.$queryRaw<{ start: Date | string; requests: bigint; errors: bigint }[]>`
    SELECT date_trunc('hour', "bucketStart") AT TIME ZONE 'UTC' AS start, sum(requests) AS requests, sum(errors) AS errors
    FROM "SliRollup"
    WHERE "targetId" = ${targetId} AND (
      (resolution = 'hour' AND "bucketStart" >= ${iso(nowMs - SLO_WINDOWS["30d"] * 1000)}::timestamp AND "bucketStart" < ${iso(Math.floor(nowMs / HOUR_MS) * HOUR_MS)}::timestamp)
      OR (resolution = 'minute' AND "bucketStart" >= ${iso(Math.floor(nowMs / HOUR_MS) * HOUR_MS)}::timestamp AND "bucketStart" < ${iso(nowMs)}::timestamp))
    GROUP BY 1`;
  return rows.map((r) => ({ start: new Date(r.start), requests: Number(r.requests), errors: Number(r.errors) }));
}

export async function loadSloWindows({
  targetId,
  metricsSource,
  objectivePercent,
  now,
}: {
  targetId: string;
  metricsSource: unknown;
  /** decides whether the budget is spent, and so whether the hourly counts are read */
  objectivePercent: number;
  now: Date;
}): Promise<SloWindows> {
  const sampler = createTargetSliSampler(metricsSource);
  const names = Object.keys(SLO_WINDOWS) as SloWindow[];
  if (sampler.kind === "prometheus") {
    const values = await Promise.all(
      names.map((w) => readPrometheusTargetSli({ config: sampler.config, targetId, windowSeconds: SLO_WINDOWS[w], now })),
    );
    return {
      source: "prometheus",
      windows: Object.fromEntries(names.map((w, i) => [w, values[i]!])) as SloWindows["windows"],
      hours: null,
    };
  }
  const nowMs = now.getTime();
  const [sums, histogram] = await Promise.all([sumWindows(targetId, nowMs), lastHourHistogram(targetId, nowMs)]);
  const num = (key: string) => (sums[key] === null || sums[key] === undefined ? null : Number(sums[key]));
  const windows = Object.fromEntries(
    names.map((w): [SloWindow, SliSummary | null] => {
      const requests = num(`r${w}`);
      if (requests === null) return [w, null];
      const counts = { requests, errors: num(`e${w}`) ?? 0, p95Ms: null, p99Ms: null, cpu: null, memory: null };
      if (w !== "1h") return [w, counts];
      const latency = summarizeSliRows({
        rows: [{ ...counts, latencyCounts: histogram, cpuPercent: null, memoryPercent: null }],
        boundsMs: SLI_LATENCY_BOUNDS_MS,
      });
      return [w, { ...counts, p95Ms: latency.p95Ms, p99Ms: latency.p99Ms, cpu: num("cpu"), memory: num("memory") }];
    }),
  ) as SloWindows["windows"];
  const month = windows["30d"];
  const spent = month !== null && computeErrorBudget({ objectivePercent, total: month.requests, bad: month.errors }).status === "exhausted";
  return { source: "rollups", windows, hours: spent ? await hourlyCounts(targetId, nowMs) : [] };
}
