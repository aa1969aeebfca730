// One trigger against one measurement: did the candidate breach it? The per-measurement verdict that is
// recorded beside the value; evaluate-analysis.ts turns a run's worth of them into a decision.
import type { AnalysisTrigger } from "./analysis-config";
import type { RevisionMeasurements } from "./measurement";
import { formatMetricValue, METRICS } from "./metric-names";

/**
 * pass / fail: judged. error: the query failed. inconclusive: judged impossible although the window had
 * samples (no data, no stable revision to compare with). insufficient: too few samples in the window yet.
 */
export type MeasurementOutcome = "pass" | "fail" | "inconclusive" | "error" | "insufficient";

export type Judgement = { outcome: MeasurementOutcome; reason: string };

/** "error_rate > 5 % over 300 s", "p95 more than 50 % and 5 ms above stable over 300 s": the threshold as recorded. */
export function describeTrigger(trigger: AnalysisTrigger): string {
  const condition =
    trigger.kind === "threshold"
      ? `${trigger.comparison} ${formatMetricValue({ metric: trigger.metric, value: trigger.threshold })}`
      : `more than ${trigger.maxIncreasePercent} % and ${formatMetricValue({ metric: trigger.metric, value: METRICS[trigger.metric].baselineNoiseFloor })} above stable`;
  return `${trigger.metric} ${condition} over ${trigger.windowSeconds} s`;
}

function hasTooFewSamples({
  sampleCount,
  metric,
  minSampleRequests,
}: {
  sampleCount: number;
  metric: AnalysisTrigger["metric"];
  minSampleRequests: number;
}) {
  return METRICS[metric].needsTraffic ? sampleCount < minSampleRequests : sampleCount === 0;
}

export function judgeMeasurement({
  trigger,
  measurements: { candidate, stable },
  minSampleRequests,
}: {
  trigger: AnalysisTrigger;
  measurements: RevisionMeasurements;
  minSampleRequests: number;
}): Judgement {
  const show = (value: number | null) => formatMetricValue({ metric: trigger.metric, value });
  const window = `${trigger.windowSeconds} s`;
  if (candidate.phase === "error")
    return { outcome: "error", reason: `the candidate's query failed: ${candidate.error ?? "unknown error"}` };
  const samples = { metric: trigger.metric, minSampleRequests };
  if (hasTooFewSamples({ ...samples, sampleCount: candidate.sampleCount })) {
    const needs = METRICS[trigger.metric].needsTraffic ? `, fewer than the ${minSampleRequests} required` : "";
    return { outcome: "insufficient", reason: `the candidate had ${candidate.sampleCount} samples in ${window}${needs}` };
  }
  if (candidate.value === null)
    return { outcome: "inconclusive", reason: `no data for the candidate despite ${candidate.sampleCount} samples` };
  if (trigger.kind === "threshold") {
    const breached = trigger.comparison === ">" ? candidate.value > trigger.threshold : candidate.value < trigger.threshold;
    const relation = breached ? trigger.comparison : trigger.comparison === ">" ? "≤" : "≥";
    return {
      outcome: breached ? "fail" : "pass",
      reason: `${show(candidate.value)} ${relation} ${show(trigger.threshold)} over ${window}`,
    };
  }
  if (!stable) return { outcome: "inconclusive", reason: "no stable revision to compare with" };
  if (stable.phase === "error")
    return { outcome: "error", reason: `the stable revision's query failed: ${stable.error ?? "unknown error"}` };
  if (hasTooFewSamples({ ...samples, sampleCount: stable.sampleCount })) {
    return { outcome: "insufficient", reason: `the stable revision had ${stable.sampleCount} samples in ${window}` };
  }
  if (stable.value === null)
    return { outcome: "inconclusive", reason: `no data for the stable revision despite ${stable.sampleCount} samples` };
  // Both: more than N % above the stable revision, and by more than the metric's noise floor.
  const floor = METRICS[trigger.metric].baselineNoiseFloor;
  const relative = stable.value * (1 + trigger.maxIncreasePercent / 100);
  const limit = Math.max(relative, stable.value + floor);
  const breached = candidate.value > limit;
  const increase = stable.value === 0 ? null : Math.round((candidate.value / stable.value - 1) * 1000) / 10;
  const change = increase === null ? "against a stable value of 0" : `${increase >= 0 ? "+" : ""}${increase} %`;
  const bound = limit > relative ? `stable + ${show(floor)}` : `+${trigger.maxIncreasePercent} %`;
  return {
    outcome: breached ? "fail" : "pass",
    reason: `candidate ${show(candidate.value)} vs stable ${show(stable.value)} (${change}; limit ${bound}, ${show(limit)}) over ${window}`,
  };
}
