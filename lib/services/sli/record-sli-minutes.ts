// Samples every serving target's metrics source for each completed minute not yet recorded (up to
// `lookbackMinutes` back, so a worker that was down a few minutes fills the gap from the supervisor's
// per-second history) and writes one rollup row per target and minute. Idempotent: the row's key is
// (target, resolution, minute), and two workers sampling the same minute write it once.
import { db } from "@/lib/db";
import { createTargetSliSampler } from "@/lib/metrics/sli/target-sli-sampler";
import type { ReadTargetWindow } from "@/lib/metrics/local/local-metrics-source";

const MINUTE_MS = 60_000;
const CONCURRENCY = 8;

export type RecordSliMinutesResult = {
  written: number;
  /** the earliest minute sampled this time (null when nothing was): the hour fold starts from its hour */
  earliest: Date | null;
  failed: { targetId: string; error: string }[];
};

export async function recordSliMinutes({
  now,
  lookbackMinutes = 3,
  localStateDir,
  readWindow,
}: {
  now: Date;
  lookbackMinutes?: number;
  localStateDir?: string;
  readWindow?: ReadTargetWindow;
}): Promise<RecordSliMinutesResult> {
  const lastEnd = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
  const minutes = Array.from({ length: lookbackMinutes }, (_, i) => lastEnd - (lookbackMinutes - i) * MINUTE_MS);
  const targets = await db.target.findMany({
    where: { archivedAt: null, currentRevision: { not: null } },
    select: { id: true, metricsSource: true },
  });
  if (targets.length === 0) return { written: 0, earliest: null, failed: [] };
  const existing = await db.sliRollup.findMany({
    where: { resolution: "minute", targetId: { in: targets.map((t) => t.id) }, bucketStart: { gte: new Date(minutes[0]!) } },
    select: { targetId: true, bucketStart: true },
  });
  const done = new Set(existing.map((r) => `${r.targetId}:${r.bucketStart.getTime()}`));
  const rows: {
    targetId: string;
    bucketStart: Date;
    requests: number;
    errors: number;
    latencyCounts: number[];
    cpuPercent: number | null;
    memoryPercent: number | null;
  }[] = [];
  const failed: RecordSliMinutesResult["failed"] = [];
  const queue = [...targets];
  const work = async () => {
    for (let target = queue.shift(); target; target = queue.shift()) {
      const sampler = createTargetSliSampler(target.metricsSource, { localStateDir, readWindow });
      if (sampler.kind !== "rollup") continue;
      for (const start of minutes) {
        if (done.has(`${target.id}:${start}`)) continue;
        try {
          const sample = await sampler.sample({ targetId: target.id, endMs: start + MINUTE_MS, seconds: 60 });
          rows.push({ targetId: target.id, bucketStart: new Date(start), ...sample });
        } catch (error) {
          // no row: a gap is "no data", never a made-up zero
          failed.push({ targetId: target.id, error: (error as Error).message });
          break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, targets.length) }, work));
  const { count } = await db.sliRollup.createMany({
    data: rows.map((r) => ({ ...r, resolution: "minute" as const })),
    skipDuplicates: true,
  });
  const earliest = rows.length === 0 ? null : new Date(Math.min(...rows.map((r) => r.bucketStart.getTime())));
  return { written: count, earliest, failed };
}
