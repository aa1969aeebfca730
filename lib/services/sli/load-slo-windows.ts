// The counts of every SLO window of one target, in two queries: the last 6 h of minute rows (the short
// windows, and the current hour) and the last 30 days of hour rows (3 d and 30 d: whole hours, plus the
// current hour's minutes). A Prometheus target is asked for each window instead.
import { db } from "@/lib/db";
import { SLO_WINDOWS, type SloWindow } from "@/lib/domain/slo/describe-target-slo";
import type { HourlyCounts } from "@/lib/domain/slo/estimate-budget-recovery";
import { summarizeSliRows, type SliRow, type SliSummary } from "@/lib/domain/slo/summarize-sli-rows";
import { readPrometheusTargetSli } from "@/lib/metrics/sli/read-prometheus-target-sli";
import { createTargetSliSampler, SLI_LATENCY_BOUNDS_MS } from "@/lib/metrics/sli/target-sli-sampler";

const HOUR_MS = 3_600_000;
const SHORT_MS = 6 * HOUR_MS;

export type SloWindows = { source: "rollups" | "prometheus"; windows: Record<SloWindow, SliSummary | null>; hours: HourlyCounts[] | null };

type Row = SliRow & { bucketStart: Date };

const sum = (rows: Row[], key: "requests" | "errors") => rows.reduce((total, r) => total + r[key], 0);

export async function loadSloWindows({
  targetId,
  metricsSource,
  now,
}: {
  targetId: string;
  metricsSource: unknown;
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
  const select = { bucketStart: true, requests: true, errors: true, latencyCounts: true, cpuPercent: true, memoryPercent: true } as const;
  const nowMs = now.getTime();
  const currentHour = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
  const [minutes, hours] = await Promise.all([
    db.sliRollup.findMany({ where: { targetId, resolution: "minute", bucketStart: { gte: new Date(nowMs - SHORT_MS), lt: now } }, select }),
    db.sliRollup.findMany({
      where: { targetId, resolution: "hour", bucketStart: { gte: new Date(nowMs - SLO_WINDOWS["30d"] * 1000), lt: new Date(currentHour) } },
      select,
    }),
  ]);
  const summarize = (rows: Row[]) => (rows.length === 0 ? null : summarizeSliRows({ rows, boundsMs: SLI_LATENCY_BOUNDS_MS }));
  const windowOf = (w: SloWindow): SliSummary | null => {
    const fromMs = nowMs - SLO_WINDOWS[w] * 1000;
    if (SLO_WINDOWS[w] * 1000 <= SHORT_MS) return summarize(minutes.filter((m) => m.bucketStart.getTime() >= fromMs));
    const firstHour = Math.ceil(fromMs / HOUR_MS) * HOUR_MS;
    return summarize([
      ...hours.filter((h) => h.bucketStart.getTime() >= firstHour),
      ...minutes.filter((m) => m.bucketStart.getTime() >= currentHour),
    ]);
  };
  const inHour = minutes.filter((m) => m.bucketStart.getTime() >= currentHour);
  const current =
    inHour.length === 0 ? [] : [{ bucketStart: new Date(currentHour), requests: sum(inHour, "requests"), errors: sum(inHour, "errors") }];
  return {
    source: "rollups",
    windows: Object.fromEntries(names.map((w) => [w, windowOf(w)])) as SloWindows["windows"],
    hours: [...hours, ...current].map((h) => ({ start: h.bucketStart, requests: h.requests, errors: h.errors })),
  };
}
