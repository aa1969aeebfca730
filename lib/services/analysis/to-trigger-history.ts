// Stored Measurement rows back into the decision's input: one TriggerMeasurement per trigger and tick
// (a tick writes its candidate and stable rows with the same measuredAt), oldest first.
import type { TriggerMeasurement } from "@/lib/domain/analysis/evaluate-analysis";
import type { Measurement } from "@/lib/domain/analysis/measurement";
import type { MetricName } from "@/lib/domain/analysis/metric-names";

export type StoredMeasurement = {
  trigger: string;
  metric: string;
  revision: string;
  revisionName: string | null;
  query: string;
  value: number | null;
  sampleCount: number;
  windowSeconds: number;
  error: string | null;
  measuredAt: Date;
};

function toMeasurement(row: StoredMeasurement): Measurement {
  return {
    metric: row.metric as MetricName,
    revision: row.revisionName ?? row.revision,
    value: row.value,
    sampleCount: row.sampleCount,
    query: row.query,
    windowSeconds: row.windowSeconds,
    measuredAt: row.measuredAt.toISOString(),
    phase: row.error === null ? "ok" : "error",
    ...(row.error === null ? {} : { error: row.error }),
  };
}

export function toTriggerHistory(rows: readonly StoredMeasurement[]): TriggerMeasurement[] {
  const byTick = new Map<string, { at: number; trigger: string; candidate?: Measurement; stable?: Measurement }>();
  for (const row of rows) {
    const key = `${row.trigger}\u0000${row.measuredAt.getTime()}`;
    const entry = byTick.get(key) ?? { at: row.measuredAt.getTime(), trigger: row.trigger };
    entry[row.revision === "stable" ? "stable" : "candidate"] = toMeasurement(row);
    byTick.set(key, entry);
  }
  return [...byTick.values()]
    .filter((entry) => entry.candidate)
    .sort((a, b) => a.at - b.at)
    .map((entry) => ({ trigger: entry.trigger, candidate: entry.candidate!, stable: entry.stable ?? null }));
}
