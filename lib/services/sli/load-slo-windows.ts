// The counts of every SLO window of a page of targets, summed in Postgres rather than read row by row (50
// targets at full retention are 54,000 rows), in three grouped queries whatever the number of targets: the
// windows' requests and errors up to 3 days (5 m to 6 h from minute rows; 3 d from whole hour rows plus the
// current hour's minutes) with the last hour's CPU and memory, the 30-day budget window (sum-budget-window.ts,
// mostly day counts), and the last hour's latency histograms. The hourly counts behind the recovery estimate
// are read only for targets whose budget is spent. A Prometheus target is asked for each window instead.
import { db } from "@/lib/db";
import { computeErrorBudget } from "@/lib/domain/slo/compute-error-budget";
import { SLO_WINDOWS, type SloWindow } from "@/lib/domain/slo/describe-target-slo";
import type { HourlyCounts } from "@/lib/domain/slo/estimate-budget-recovery";
import { summarizeSliRows, type SliSummary } from "@/lib/domain/slo/summarize-sli-rows";
import { readPrometheusTargetSlis, type SliWindowAsk } from "@/lib/metrics/sli/read-prometheus-target-sli";
import { createTargetSliSampler, SLI_LATENCY_BOUNDS_MS } from "@/lib/metrics/sli/target-sli-sampler";
import { loadSliScope } from "./load-sli-scope";
import { sumBudgetWindow } from "./sum-budget-window";

const HOUR_MS = 3_600_000;
const SHORT: SloWindow[] = ["5m", "30m", "1h", "6h"];
const LONG: SloWindow[] = ["3d"];

/** Windows other than 1 h carry counts only (their latency and resources are not read). */
export type SloWindows = { source: "rollups" | "prometheus"; windows: Record<SloWindow, SliSummary | null>; hours: HourlyCounts[] | null };

const iso = (ms: number) => new Date(ms).toISOString();

type Row = Record<string, bigint | number | null> & { targetId: string };

async function sumWindows(targetIds: string[], nowMs: number): Promise<Map<string, Row>> {
  const currentHour = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
  const shortFrom = (w: SloWindow) => iso(nowMs - SLO_WINDOWS[w] * 1000);
  const longFrom = (w: SloWindow) => iso(Math.ceil((nowMs - SLO_WINDOWS[w] * 1000) / HOUR_MS) * HOUR_MS);
  const [s5, s30, s1h, s6h, l3d] = [...SHORT.map(shortFrom), ...LONG.map(longFrom)];
  const rows = await db.$queryRaw<Row[]>`
    SELECT "targetId",
      sum(requests) FILTER (WHERE m AND t >= ${s5}::timestamp) AS "r5m", sum(errors) FILTER (WHERE m AND t >= ${s5}::timestamp) AS "e5m",
      sum(requests) FILTER (WHERE m AND t >= ${s30}::timestamp) AS "r30m", sum(errors) FILTER (WHERE m AND t >= ${s30}::timestamp) AS "e30m",
      sum(requests) FILTER (WHERE m AND t >= ${s1h}::timestamp) AS "r1h", sum(errors) FILTER (WHERE m AND t >= ${s1h}::timestamp) AS "e1h",
      sum(requests) FILTER (WHERE m) AS "r6h", sum(errors) FILTER (WHERE m) AS "e6h",
      sum(requests) FILTER (WHERE (NOT m AND t >= ${l3d}::timestamp) OR (m AND t >= ${iso(currentHour)}::timestamp)) AS "r3d",
      sum(errors) FILTER (WHERE (NOT m AND t >= ${l3d}::timestamp) OR (m AND t >= ${iso(currentHour)}::timestamp)) AS "e3d",
      avg("cpuPercent") FILTER (WHERE m AND t >= ${s1h}::timestamp) AS cpu, avg("memoryPercent") FILTER (WHERE m AND t >= ${s1h}::timestamp) AS memory
    FROM (
      SELECT "targetId", resolution = 'minute' AS m, "bucketStart" AS t, requests, errors, "cpuPercent", "memoryPercent"
      FROM "SliRollup"
      WHERE "targetId" = ANY(${targetIds}::text[]) AND (
        (resolution = 'minute' AND "bucketStart" >= ${s6h}::timestamp AND "bucketStart" < ${iso(nowMs)}::timestamp)
        OR (resolution = 'hour' AND "bucketStart" >= ${l3d}::timestamp AND "bucketStart" < ${iso(currentHour)}::timestamp))
    ) r
    GROUP BY 1`;
  return new Map(rows.map((row) => [row.targetId, row]));
}

async function lastHourHistograms(targetIds: string[], nowMs: number): Promise<Map<string, number[]>> {
  const rows = await db.$queryRaw<{ targetId: string; total: number }[]>`
    SELECT m."targetId", sum(u.c)::int AS total
    FROM "SliRollup" m, unnest(m."latencyCounts") WITH ORDINALITY AS u(c, i)
    WHERE m."targetId" = ANY(${targetIds}::text[]) AND m.resolution = 'minute'
      AND m."bucketStart" >= ${iso(nowMs - HOUR_MS)}::timestamp AND m."bucketStart" < ${iso(nowMs)}::timestamp
    GROUP BY m."targetId", u.i ORDER BY m."targetId", u.i`;
  const histograms = new Map<string, number[]>();
  for (const row of rows) histograms.set(row.targetId, [...(histograms.get(row.targetId) ?? []), row.total]);
  return histograms;
}

async function hourlyCounts(targetIds: string[], nowMs: number): Promise<Map<string, HourlyCounts[]>> {
  const currentHour = iso(Math.floor(nowMs / HOUR_MS) * HOUR_MS);
  const rows = await db.$queryRaw<{ targetId: string; start: Date | string; requests: bigint; errors: bigint }[]>`
    SELECT "targetId", date_trunc('hour', "bucketStart") AT TIME ZONE 'UTC' AS start, sum(requests) AS requests, sum(errors) AS errors
    FROM "SliRollup"
    WHERE "targetId" = ANY(${targetIds}::text[]) AND (
      (resolution = 'hour' AND "bucketStart" >= ${iso(nowMs - SLO_WINDOWS["30d"] * 1000)}::timestamp AND "bucketStart" < ${currentHour}::timestamp)
      OR (resolution = 'minute' AND "bucketStart" >= ${currentHour}::timestamp AND "bucketStart" < ${iso(nowMs)}::timestamp))
    GROUP BY 1, 2`;
  const hours = new Map<string, HourlyCounts[]>(targetIds.map((id) => [id, []]));
  for (const r of rows) hours.get(r.targetId)!.push({ start: new Date(r.start), requests: Number(r.requests), errors: Number(r.errors) });
  return hours;
}

function toWindows(sums: Record<string, unknown>, histogram: number[]): SloWindows["windows"] {
  const num = (key: string) => (sums[key] === null || sums[key] === undefined ? null : Number(sums[key]));
  return Object.fromEntries(
    (Object.keys(SLO_WINDOWS) as SloWindow[]).map((w): [SloWindow, SliSummary | null] => {
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
}

/** The windows of targets whose history is Flightdeck's rollups, by target id: a fixed number of grouped queries for any number. */
export async function loadRollupSloWindows({
  targets,
  now,
}: {
  /** `objectivePercent` decides whether the budget is spent, and so whether the hourly counts are read */
  targets: { targetId: string; objectivePercent: number }[];
  now: Date;
}): Promise<Map<string, SloWindows>> {
  const nowMs = now.getTime();
  const ids = targets.map((t) => t.targetId);
  if (ids.length === 0) return new Map();
  const [short, histograms, budget] = await Promise.all([
    sumWindows(ids, nowMs),
    lastHourHistograms(ids, nowMs),
    sumBudgetWindow({ targetIds: ids, nowMs }),
  ]);
  const windowsOf = new Map(
    ids.map((id) => {
      const month = budget.get(id);
      const sums = { ...short.get(id), r30d: month?.requests ?? null, e30d: month?.errors ?? null };
      return [id, toWindows(sums, histograms.get(id) ?? [])];
    }),
  );
  const spent = targets.filter(({ targetId, objectivePercent }) => {
    const month = windowsOf.get(targetId)!["30d"];
    return month !== null && computeErrorBudget({ objectivePercent, total: month.requests, bad: month.errors }).status === "exhausted";
  });
  const hours =
    spent.length > 0
      ? await hourlyCounts(
          spent.map((t) => t.targetId),
          nowMs,
        )
      : new Map<string, HourlyCounts[]>();
  return new Map(ids.map((id) => [id, { source: "rollups", windows: windowsOf.get(id)!, hours: hours.get(id) ?? [] }]));
}

/** Where a target's SLO history is read: Prometheus when it is its metrics source, else Flightdeck's rollups. Throws on a configuration that does not parse. */
export function sloHistorySource(metricsSource: unknown): SloWindows["source"] {
  return createTargetSliSampler(metricsSource).kind === "prometheus" ? "prometheus" : "rollups";
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
    const scope = await loadSliScope(targetId);
    // As from the rollups, only the 1 h window carries latency and resources; the others are counts. All in
    // one request: 16 queries a target, which an alert evaluation asks of every Prometheus target.
    const windows = await readPrometheusTargetSlis({
      config: sampler.config,
      scope,
      windows: Object.fromEntries(names.map((w) => [w, { windowSeconds: SLO_WINDOWS[w], countsOnly: w !== "1h" }])) as Record<
        SloWindow,
        SliWindowAsk
      >,
      now,
    });
    return { source: "prometheus", windows, hours: null };
  }
  const windows = await loadRollupSloWindows({ targets: [{ targetId, objectivePercent }], now });
  return windows.get(targetId)!;
}
