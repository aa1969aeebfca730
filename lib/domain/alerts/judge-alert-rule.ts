// One threshold alert rule against its measurement of the target's serving revision → a RuleResult.
import { describeTrigger, judgeMeasurement } from "../analysis/judge-measurement";
import type { RevisionMeasurements } from "../analysis/measurement";
import { type AlertRule, toThresholdTrigger } from "./alert-rule";
import type { RuleResult, RuleState } from "./rule-result";

const STATE_OF = { fail: "firing", pass: "ok", inconclusive: "unknown", error: "unknown", insufficient: "unknown" } as const;

export function thresholdFingerprint(rule: Pick<AlertRule, "name">): string {
  return `threshold:${rule.name}`;
}

export function judgeAlertRule({ rule, measurements }: { rule: AlertRule; measurements: RevisionMeasurements }): RuleResult {
  const trigger = toThresholdTrigger(rule);
  const judgement = judgeMeasurement({ trigger, measurements, minSampleRequests: rule.minSampleRequests });
  const state: RuleState = STATE_OF[judgement.outcome];
  const { note } = measurements.candidate;
  return {
    fingerprint: thresholdFingerprint(rule),
    name: rule.name,
    severity: rule.severity,
    state,
    value: measurements.candidate.value,
    condition: describeTrigger(trigger),
    // The analysis says "the candidate"; here the measured revision is the one serving the target. Where it could
    // not be judged, the source's note tells a query that matched nothing (an empty vector) from a quiet service.
    reason: judgement.reason.replaceAll("the candidate", "the serving revision") + (state === "unknown" && note ? ` (${note})` : ""),
  };
}
