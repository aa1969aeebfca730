// The working copies of a service's SLO objectives and alert rules: numbers as the text of their inputs (an
// emptied field stays empty and is sent as null, so the server says it is missing), each rule with a stable key.
// The server validates every value (sloObjectivesInputSchema, alertRulesSchema) and names the bad ones.
import type { MetricName } from "@/lib/domain/analysis/metric-names";
import type { AlertRule, AlertSeverity } from "@/lib/domain/alerts/alert-rule";
import { DEFAULT_ALERT_RULES, DEFAULT_SLOS } from "@/lib/domain/document-defaults";
import { readSloObjectives, type SloObjectives } from "@/lib/domain/slo/slo-objectives";
import { numberOf, unusedName } from "../draft-values";

export const OBJECTIVE_FIELDS = ["uptimePercent", "p95Ms", "p99Ms", "errorRatePercent", "memoryPercent", "cpuPercent"] as const;
export type ObjectiveField = (typeof OBJECTIVE_FIELDS)[number];

export const OBJECTIVES: Record<ObjectiveField, { label: string; hint: string }> = {
  uptimePercent: { label: "Availability (%)", hint: "Share of requests that must not fail over 30 days; the error budget is the rest." },
  p95Ms: { label: "p95 latency (ms)", hint: "95 % of requests answer within this." },
  p99Ms: { label: "p99 latency (ms)", hint: "99 % of requests answer within this; at least the p95 objective." },
  errorRatePercent: { label: "Error rate (%)", hint: "5xx responses as a share of requests." },
  memoryPercent: { label: "Memory (% of the limit)", hint: "The line on the memory chart." },
  cpuPercent: { label: "CPU (% of a core)", hint: "The line on the CPU chart; a process busy on two cores reads 200." },
};

export type ObjectivesDraft = Record<ObjectiveField, string>;

export function toObjectivesDraft(stored: unknown): ObjectivesDraft {
  const objectives: SloObjectives = readSloObjectives(stored);
  return Object.fromEntries(OBJECTIVE_FIELDS.map((field) => [field, String(objectives[field])])) as ObjectivesDraft;
}

export const DEFAULT_OBJECTIVES_DRAFT: ObjectivesDraft = toObjectivesDraft(DEFAULT_SLOS);

export const toObjectivesInput = (draft: ObjectivesDraft): Record<string, unknown> =>
  Object.fromEntries(OBJECTIVE_FIELDS.map((field) => [field, numberOf(draft[field])]));

export type DraftRule = {
  key: string;
  name: string;
  metric: MetricName;
  comparison: ">" | "<";
  threshold: string;
  severity: AlertSeverity;
  windowSeconds: string;
  minSampleRequests: string;
  enabled: boolean;
};

let counter = 0;
const newKey = () => `rule-${(counter += 1)}`;

type StoredRule = Partial<AlertRule> & Pick<AlertRule, "name" | "metric" | "threshold" | "severity">;

function toDraftRule(rule: StoredRule): DraftRule {
  return {
    key: newKey(),
    name: rule.name,
    metric: rule.metric,
    comparison: rule.comparison ?? ">",
    threshold: String(rule.threshold),
    severity: rule.severity,
    windowSeconds: String(rule.windowSeconds ?? 300),
    minSampleRequests: String(rule.minSampleRequests ?? 50),
    enabled: rule.enabled ?? true,
  };
}

/** The service's rules as the server returned them (already parsed, defaults filled in). */
export const toRulesDraft = (stored: unknown[]): DraftRule[] => (stored as StoredRule[]).map(toDraftRule);

export const defaultRulesDraft = (): DraftRule[] => DEFAULT_ALERT_RULES.map((rule) => toDraftRule({ ...rule }));

/** A new P3 rule on the error rate, named so that it does not clash with the others. */
export function newDraftRule(names: string[]): DraftRule {
  return toDraftRule({ name: unusedName("rule", names), metric: "error_rate", comparison: ">", threshold: 5, severity: "P3" });
}

export const toRulesInput = (rules: DraftRule[]): Record<string, unknown>[] =>
  rules.map((rule) => ({
    name: rule.name,
    metric: rule.metric,
    comparison: rule.comparison,
    threshold: numberOf(rule.threshold),
    severity: rule.severity,
    windowSeconds: numberOf(rule.windowSeconds),
    minSampleRequests: numberOf(rule.minSampleRequests),
    enabled: rule.enabled,
  }));
