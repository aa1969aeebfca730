// The analysis editor's working copy: numbers as the text of their inputs (so an emptied field stays empty
// instead of becoming 0), each trigger with a stable key and both kinds' values, so switching a trigger's kind
// back and forth loses nothing. `toAnalysisInput` turns it into what PATCH /services/{id} takes as `analysis`;
// the server validates every value and names the bad ones.
import {
  type AnalysisConfig,
  type AnalysisTrigger,
  DEFAULT_ANALYSIS_CONFIG,
  type LowTrafficPolicy,
} from "@/lib/domain/analysis/analysis-config";
import type { MetricName } from "@/lib/domain/analysis/metric-names";
import { numberOf, unusedName } from "../draft-values";

export const LIMIT_FIELDS = [
  "intervalSeconds",
  "watchPeriodSeconds",
  "failureLimit",
  "consecutiveErrorLimit",
  "inconclusiveLimit",
  "minSampleRequests",
] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];

export type DraftTrigger = {
  /** stable across removals, for React keys and control ids */
  key: string;
  kind: AnalysisTrigger["kind"];
  name: string;
  metric: MetricName;
  comparison: ">" | "<";
  threshold: string;
  maxIncreasePercent: string;
  windowSeconds: string;
  enabled: boolean;
  dryRun: boolean;
};

export type AnalysisDraft = {
  enabled: boolean;
  limits: Record<LimitField, string>;
  lowTrafficPolicy: LowTrafficPolicy;
  triggers: DraftTrigger[];
};

let counter = 0;
const newKey = () => `trigger-${(counter += 1)}`;

function toDraftTrigger(trigger: AnalysisTrigger): DraftTrigger {
  return {
    key: newKey(),
    kind: trigger.kind,
    name: trigger.name,
    metric: trigger.metric,
    comparison: trigger.kind === "threshold" ? trigger.comparison : ">",
    threshold: trigger.kind === "threshold" ? String(trigger.threshold) : "",
    maxIncreasePercent: trigger.kind === "baseline" ? String(trigger.maxIncreasePercent) : "50",
    windowSeconds: String(trigger.windowSeconds),
    enabled: trigger.enabled,
    dryRun: trigger.dryRun,
  };
}

export function toAnalysisDraft({ enabled, config }: { enabled: boolean; config: AnalysisConfig }): AnalysisDraft {
  return {
    enabled,
    limits: Object.fromEntries(LIMIT_FIELDS.map((field) => [field, String(config[field])])) as AnalysisDraft["limits"],
    lowTrafficPolicy: config.lowTrafficPolicy,
    triggers: config.triggers.map(toDraftTrigger),
  };
}

/** The documents' configuration, keeping the switch as it is: resetting the values is not turning analysis off. */
export const resetToDefaults = (draft: AnalysisDraft): AnalysisDraft =>
  toAnalysisDraft({ enabled: draft.enabled, config: DEFAULT_ANALYSIS_CONFIG });

/** A new threshold trigger on the error rate, named so that it does not clash with the others. */
export function newDraftTrigger(names: string[]): DraftTrigger {
  return toDraftTrigger({
    kind: "threshold",
    name: unusedName("trigger", names),
    metric: "error_rate",
    comparison: ">",
    threshold: 5,
    windowSeconds: 300,
    enabled: true,
    dryRun: false,
  });
}

export function toAnalysisInput(draft: AnalysisDraft): Record<string, unknown> {
  const limits = Object.fromEntries(LIMIT_FIELDS.map((field) => [field, numberOf(draft.limits[field])]));
  const triggers = draft.triggers.map((t) => ({
    kind: t.kind,
    name: t.name,
    metric: t.metric,
    windowSeconds: numberOf(t.windowSeconds),
    enabled: t.enabled,
    dryRun: t.dryRun,
    ...(t.kind === "threshold"
      ? { comparison: t.comparison, threshold: numberOf(t.threshold) }
      : { maxIncreasePercent: numberOf(t.maxIncreasePercent) }),
  }));
  return { enabled: draft.enabled, ...limits, lowTrafficPolicy: draft.lowTrafficPolicy, triggers };
}
