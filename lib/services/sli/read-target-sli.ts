// A target's SLI over the `windowSeconds` that end at `now`: the seam the SLO page, GET /api/v1/slos, the
// error-budget freeze and the alert evaluator read. From Flightdeck's rollups (whole hours from hour rows, the
// ragged edges from minute rows while those are kept), or from Prometheus when the target's metrics source is
// Prometheus. Null when there is no data at all for the window.
import { db } from "@/lib/db";
import { summarizeSliRows, type SliSummary } from "@/lib/domain/slo/summarize-sli-rows";
import { readPrometheusTargetSli } from "@/lib/metrics/sli/read-prometheus-target-sli";
import { createTargetSliSampler, SLI_LATENCY_BOUNDS_MS } from "@/lib/metrics/sli/target-sli-sampler";
import { loadSliScope } from "./load-sli-scope";

const HOUR_MS = 3_600_000;

export type TargetSli = SliSummary;

export async function readTargetSli({
  targetId,
  windowSeconds,
  now,
  metricsSource,
}: {
  targetId: string;
  windowSeconds: number;
  now: Date;
  /** the target's stored metrics source, when the caller has it already */
  metricsSource?: unknown;
}): Promise<TargetSli | null> {
  const source =
    metricsSource ?? (await db.target.findUniqueOrThrow({ where: { id: targetId }, select: { metricsSource: true } })).metricsSource;
  const sampler = createTargetSliSampler(source);
  if (sampler.kind === "prometheus") {
    return readPrometheusTargetSli({ config: sampler.config, scope: await loadSliScope(targetId), windowSeconds, now });
  }
  const rows = await readRollupRows({ targetId, from: new Date(now.getTime() - windowSeconds * 1000), to: now });
  return rows.length === 0 ? null : summarizeSliRows({ rows, boundsMs: SLI_LATENCY_BOUNDS_MS });
}

/** The rows covering [from, to): hour rows for the whole hours inside, minute rows for the parts outside them. */
export async function readRollupRows({ targetId, from, to }: { targetId: string; from: Date; to: Date }) {
  const firstHour = new Date(Math.ceil(from.getTime() / HOUR_MS) * HOUR_MS);
  const lastHour = new Date(Math.floor(to.getTime() / HOUR_MS) * HOUR_MS);
  const select = { requests: true, errors: true, latencyCounts: true, cpuPercent: true, memoryPercent: true } as const;
  if (lastHour <= firstHour) {
    return db.sliRollup.findMany({ where: { targetId, resolution: "minute", bucketStart: { gte: from, lt: to } }, select });
  }
  return db.sliRollup.findMany({
    where: {
      targetId,
      OR: [
        { resolution: "hour", bucketStart: { gte: firstHour, lt: lastHour } },
        { resolution: "minute", bucketStart: { gte: from, lt: firstHour } },
        { resolution: "minute", bucketStart: { gte: lastHour, lt: to } },
      ],
    },
    select,
  });
}
