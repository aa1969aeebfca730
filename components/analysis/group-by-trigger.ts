// A run's measurements as the page shows them: per trigger (in the order they were first measured), one tick
// per measuredAt pairing the candidate's row with the stable's. A tick writes both rows with the same time, so
// the pair is exact; the stable row is missing when the target had no stable revision.
import type { MetricName } from "@/lib/domain/analysis/metric-names";
import type { MeasurementView } from "./use-deployment-analysis";

export type Tick = { measuredAt: string; candidate: MeasurementView | null; stable: MeasurementView | null };

export type TriggerView = {
  name: string;
  metric: MetricName;
  /** The latest tick's description and number: the trigger as it was last judged. */
  threshold: string;
  thresholdValue: number | null;
  dryRun: boolean;
  windowSeconds: number;
  /** Every distinct query behind the values, per revision (one each unless the source answered differently). */
  queries: { revision: "candidate" | "stable"; revisionName: string | null; query: string }[];
  ticks: Tick[];
  /** The candidate rows that breached and were acted on: failed, not a dry run. */
  breaches: MeasurementView[];
};

export function groupByTrigger(measurements: readonly MeasurementView[]): TriggerView[] {
  const triggers = new Map<string, TriggerView>();
  for (const m of measurements) {
    const view = triggers.get(m.trigger) ?? {
      name: m.trigger,
      metric: m.metric as MetricName,
      threshold: m.threshold,
      thresholdValue: m.thresholdValue,
      dryRun: m.dryRun,
      windowSeconds: m.windowSeconds,
      queries: [],
      ticks: [],
      breaches: [],
    };
    triggers.set(m.trigger, view);
    const revision = m.revision === "stable" ? "stable" : "candidate";
    let tick = view.ticks.find((t) => t.measuredAt === m.measuredAt);
    if (!tick) view.ticks.push((tick = { measuredAt: m.measuredAt, candidate: null, stable: null }));
    tick[revision] = m;
    if (!view.queries.some((q) => q.revision === revision && q.query === m.query))
      view.queries.push({ revision, revisionName: m.revisionName, query: m.query });
    if (revision === "candidate") {
      Object.assign(view, { threshold: m.threshold, thresholdValue: m.thresholdValue, dryRun: m.dryRun, windowSeconds: m.windowSeconds });
      if (m.verdict === "fail" && !m.dryRun) view.breaches.push(m);
    }
  }
  for (const view of triggers.values()) view.ticks.sort((a, b) => Date.parse(a.measuredAt) - Date.parse(b.measuredAt));
  return [...triggers.values()];
}
