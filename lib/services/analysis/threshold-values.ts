// The number behind a measurement's threshold text, for a chart's threshold line. A measurement stores its
// trigger as text only ("error_rate > 5 % over 10 s"); the service's configuration holds the number, but it
// may have been edited since the measurement was taken. So a number is given only while the current trigger
// of that name is a fixed threshold that still describes itself exactly as the stored text does; otherwise
// null, and the text stands alone. Nothing is parsed out of the text.
import type { AnalysisTrigger } from "@/lib/domain/analysis/analysis-config";
import { describeTrigger } from "@/lib/domain/analysis/judge-measurement";

export type ThresholdLookup = (measurement: { trigger: string; metric: string; threshold: string }) => number | null;

/** A lookup from the service's current triggers (none when its configuration cannot be read). */
export function thresholdValues({ triggers }: { triggers: readonly AnalysisTrigger[] }): ThresholdLookup {
  const byName = new Map(triggers.map((trigger) => [trigger.name, trigger]));
  return ({ trigger: name, metric, threshold }) => {
    const trigger = byName.get(name);
    if (!trigger || trigger.kind !== "threshold" || trigger.metric !== metric) return null;
    return describeTrigger(trigger) === threshold ? trigger.threshold : null;
  };
}
