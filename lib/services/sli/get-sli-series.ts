// The SLO dashboard's chart data for one target over a range: the SLI per step from the rollups (minute rows
// up to 24 h, hour rows beyond) or, for a Prometheus target, from range queries; the service's objectives as
// the lines to compare against; and the target's deployments and rollbacks in the range as markers.
import { AppError } from "@/lib/api/app-error";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { bucketSliSeries, type SliPoint } from "@/lib/domain/slo/bucket-sli-series";
import { readSloObjectives, type SloObjectives } from "@/lib/domain/slo/slo-objectives";
import { readPrometheusSliSeries } from "@/lib/metrics/sli/read-prometheus-sli-series";
import { createTargetSliSampler, SLI_LATENCY_BOUNDS_MS } from "@/lib/metrics/sli/target-sli-sampler";
import type { SliRange } from "@/lib/schemas/slos";
import { loadSliScope } from "./load-sli-scope";

const MINUTE_MS = 60_000;
const RANGES: Record<SliRange, { ms: number; stepMs: number; resolution: "minute" | "hour" }> = {
  "1h": { ms: 60 * MINUTE_MS, stepMs: MINUTE_MS, resolution: "minute" },
  "6h": { ms: 360 * MINUTE_MS, stepMs: 5 * MINUTE_MS, resolution: "minute" },
  "24h": { ms: 1_440 * MINUTE_MS, stepMs: 15 * MINUTE_MS, resolution: "minute" },
  "7d": { ms: 7 * 1_440 * MINUTE_MS, stepMs: 60 * MINUTE_MS, resolution: "hour" },
  "30d": { ms: 30 * 1_440 * MINUTE_MS, stepMs: 6 * 60 * MINUTE_MS, resolution: "hour" },
};

export type DeploymentMarker = { id: string; kind: "deploy" | "rollback"; state: string; version: string; at: string };

export type SliSeries = {
  targetId: string;
  range: SliRange;
  stepSeconds: number;
  source: "rollups" | "prometheus";
  objectives: SloObjectives;
  points: SliPoint[];
  deployments: DeploymentMarker[];
};

export async function getSliSeries({ targetId, range, now }: { targetId: string; range: SliRange; now?: Date }): Promise<SliSeries> {
  const at = now ?? (await clockNow());
  const target = await db.target.findUnique({
    where: { id: targetId },
    select: { metricsSource: true, service: { select: { slos: true } } },
  });
  if (!target) throw new AppError("not_found", `There is no target ${targetId}.`);
  const spec = RANGES[range];
  const from = new Date(at.getTime() - spec.ms);
  const sampler = createTargetSliSampler(target.metricsSource);
  const [points, deployments] = await Promise.all([
    sampler.kind === "prometheus"
      ? loadSliScope(targetId).then((scope) =>
          readPrometheusSliSeries({ config: sampler.config, scope, from, to: at, stepSeconds: spec.stepMs / 1000 }),
        )
      : readRollupSeries({ targetId, from, to: at, spec }),
    db.deployment.findMany({
      where: { targetId, OR: [{ startedAt: { gte: from, lt: at } }, { startedAt: null, createdAt: { gte: from, lt: at } }] },
      select: { id: true, kind: true, state: true, startedAt: true, createdAt: true, release: { select: { version: true } } },
      orderBy: { createdAt: "asc" },
      take: 500,
    }),
  ]);
  return {
    targetId,
    range,
    stepSeconds: spec.stepMs / 1000,
    source: sampler.kind === "prometheus" ? "prometheus" : "rollups",
    objectives: readSloObjectives(target.service.slos),
    points,
    deployments: deployments.map((d) => ({
      id: d.id,
      kind: d.kind,
      state: d.state,
      version: d.release.version,
      at: (d.startedAt ?? d.createdAt).toISOString(),
    })),
  };
}

async function readRollupSeries({ targetId, from, to, spec }: { targetId: string; from: Date; to: Date; spec: (typeof RANGES)[SliRange] }) {
  const rows = await db.sliRollup.findMany({
    where: { targetId, resolution: spec.resolution, bucketStart: { gte: from, lt: to } },
    select: { bucketStart: true, requests: true, errors: true, latencyCounts: true, cpuPercent: true, memoryPercent: true },
  });
  return bucketSliSeries({ rows, from, to, stepMs: spec.stepMs, boundsMs: SLI_LATENCY_BOUNDS_MS });
}
