// What one alert rule said about one target at one evaluation: the seam between the rules (threshold rules
// here, the SLOs' multiwindow burn-rate decision from lib/domain/slo) and the alert lifecycle, which only
// reads these.
import type { AlertSeverity } from "./alert-rule";

/**
 * firing: the condition holds now. ok: it was judged and does not hold. unknown: it could not be judged
 * (no traffic, too few samples, a failed query): an open alert stays open and none is opened, so a quiet
 * minute neither pages nor falsely resolves.
 */
export type RuleState = "firing" | "ok" | "unknown";

export type RuleResult = {
  /** Stable identity of the rule on the target, e.g. "threshold:Error rate above 1%" or "burn:page". */
  fingerprint: string;
  /** The alert's name as people read it. */
  name: string;
  severity: AlertSeverity;
  state: RuleState;
  /** The value judged, in the metric's unit; null when there was none. */
  value: number | null;
  /** The condition, e.g. "error_rate > 1 % over 300 s". */
  condition: string;
  /** Why, in a sentence: "2.1 % > 1 % over 300 s", "the candidate had 3 samples in 300 s, fewer than …". */
  reason: string;
};
