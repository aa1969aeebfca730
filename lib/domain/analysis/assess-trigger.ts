// One trigger over a run's measurements: judge each, count them against the limits, and say where it stands.
import type { AnalysisConfig, AnalysisTrigger } from "./analysis-config";
import { describeTrigger, judgeMeasurement, type MeasurementOutcome } from "./judge-measurement";
import type { RevisionMeasurements } from "./measurement";
import type { MetricName } from "./metric-names";

export type TriggerMeasurement = RevisionMeasurements & { trigger: string };

export type TriggerVerdict = {
  name: string;
  metric: MetricName;
  dryRun: boolean;
  verdict: "healthy" | "rollback" | "inconclusive" | "error";
  reason: string;
  /** The threshold as a person reads it ("error_rate > 5 % over 300 s"). */
  threshold: string;
  /** Healthy so far, but the latest window has too few samples to judge (before the step's end). */
  waiting: boolean;
  /** Healthy only because the low-traffic policy is `pass`. */
  passedByPolicy: boolean;
  counts: Record<MeasurementOutcome, number> & { consecutiveErrors: number };
  /** The latest measurement as judged; null before the first. */
  latest: { outcome: MeasurementOutcome; reason: string; candidate: number | null; stable: number | null; sampleCount: number } | null;
};

type Config = Pick<
  AnalysisConfig,
  "failureLimit" | "consecutiveErrorLimit" | "inconclusiveLimit" | "minSampleRequests" | "lowTrafficPolicy"
>;

function trailingErrors(outcomes: MeasurementOutcome[]): number {
  let count = 0;
  for (let i = outcomes.length - 1; i >= 0 && outcomes[i] === "error"; i--) count += 1;
  return count;
}

type Status = Pick<TriggerVerdict, "verdict" | "reason" | "waiting" | "passedByPolicy">;

function decide({
  counts,
  latest,
  lastBreach,
  config,
  final,
}: {
  counts: TriggerVerdict["counts"];
  latest: TriggerVerdict["latest"];
  /** Why the most recent breach was one: the reason a rollback gives, even if later measurements passed. */
  lastBreach: string | undefined;
  config: Config;
  final: boolean;
}): Status {
  const status = (verdict: Status["verdict"], reason: string, extra: Partial<Status> = {}): Status => ({
    verdict,
    reason,
    waiting: false,
    passedByPolicy: false,
    ...extra,
  });
  if (!latest) return final ? status("inconclusive", "never measured") : status("healthy", "not measured yet", { waiting: true });
  if (counts.fail > config.failureLimit)
    return status(
      "rollback",
      `${counts.fail} breach${counts.fail === 1 ? "" : "es"} (failure limit ${config.failureLimit}); last: ${lastBreach}`,
    );
  if (counts.consecutiveErrors > config.consecutiveErrorLimit)
    return status(
      "inconclusive",
      `the query failed ${counts.consecutiveErrors} times in a row (limit ${config.consecutiveErrorLimit}): ${latest.reason}`,
    );
  if (counts.inconclusive > config.inconclusiveLimit)
    return status(
      "inconclusive",
      `${counts.inconclusive} inconclusive measurements (limit ${config.inconclusiveLimit}); latest: ${latest.reason}`,
    );
  if (latest.outcome === "error")
    return status("error", `${latest.reason} (${counts.consecutiveErrors} in a row, limit ${config.consecutiveErrorLimit})`);
  if (latest.outcome === "inconclusive")
    return status("healthy", `tolerated: ${latest.reason} (${counts.inconclusive} inconclusive, limit ${config.inconclusiveLimit})`);
  if (latest.outcome !== "insufficient") return status("healthy", latest.reason);
  if (!final) return status("healthy", `waiting for traffic: ${latest.reason}`, { waiting: true });
  return config.lowTrafficPolicy === "pass"
    ? status("healthy", `passed by the low-traffic policy: ${latest.reason}`, { passedByPolicy: true })
    : status("inconclusive", `too little traffic to judge, a person decides: ${latest.reason}`);
}

export function assessTrigger({
  trigger,
  config,
  measurements,
  final,
}: {
  trigger: AnalysisTrigger;
  config: Config;
  measurements: readonly TriggerMeasurement[];
  final: boolean;
}): TriggerVerdict {
  const judged = measurements.map((m) => ({
    m,
    ...judgeMeasurement({ trigger, measurements: m, minSampleRequests: config.minSampleRequests }),
  }));
  const outcomes = judged.map((j) => j.outcome);
  const counts = { pass: 0, fail: 0, inconclusive: 0, error: 0, insufficient: 0, consecutiveErrors: trailingErrors(outcomes) };
  for (const outcome of outcomes) counts[outcome] += 1;
  const last = judged.at(-1);
  const latest = last
    ? {
        outcome: last.outcome,
        reason: last.reason,
        candidate: last.m.candidate.value,
        stable: last.m.stable?.value ?? null,
        sampleCount: last.m.candidate.sampleCount,
      }
    : null;
  const lastBreach = judged.findLast((j) => j.outcome === "fail")?.reason;
  const status = decide({ counts, latest, lastBreach, config, final });
  return {
    name: trigger.name,
    metric: trigger.metric,
    dryRun: trigger.dryRun,
    threshold: describeTrigger(trigger),
    counts,
    latest,
    ...status,
  };
}
