// A service's threshold alert rules: the documents' four (error rate > 1 % → P1, p95 > 2 s → P2, memory > 90 %
// → P2, CPU > 85 % → P3) unless the service says otherwise. Each rule is judged by the workers every evaluation
// interval against the target's serving revision, over its window, through the target's metrics source.
import { z } from "zod";
import type { AnalysisTrigger } from "../analysis/analysis-config";
import { METRIC_NAMES } from "../analysis/metric-names";

export const ALERT_SEVERITIES = ["P1", "P2", "P3", "P4"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** The documents' severities: P1 and P2 page the on-call engineer, P3 and P4 wait for working hours. */
export const SEVERITY_MEANING: Record<AlertSeverity, string> = {
  P1: "Critical: page on-call immediately",
  P2: "High: page on-call, create a ticket",
  P3: "Medium: ticket, next working day",
  P4: "Low: ticket",
};

// Rules stored before this schema named their metric with its unit and their comparison `op`.
const LEGACY_METRICS: Record<string, string> = {
  error_rate_percent: "error_rate",
  p95_ms: "p95",
  p99_ms: "p99",
  memory_percent: "memory",
  cpu_percent: "cpu",
};

function fromLegacy(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  const { metric, op, ...rest } = value as Record<string, unknown>;
  const renamed = typeof metric === "string" && LEGACY_METRICS[metric] ? LEGACY_METRICS[metric] : metric;
  return { ...rest, metric: renamed, ...(op === undefined ? {} : { comparison: op }) };
}

export const alertRuleSchema = z.preprocess(
  fromLegacy,
  z
    .object({
      /** Unique within the service: it is the alert's fingerprint, so renaming a rule starts a new alert. */
      name: z.string().trim().min(1).max(120),
      metric: z.enum(METRIC_NAMES),
      comparison: z.enum([">", "<"]).default(">"),
      threshold: z.number().finite(),
      severity: z.enum(ALERT_SEVERITIES),
      /** The window the value is computed over; the documents' monitoring reads 5-minute rates. */
      windowSeconds: z.number().int().min(10).max(86_400).default(300),
      /** Requests the window must hold before a traffic metric is judged: below it the alert holds its state. */
      minSampleRequests: z.number().int().min(1).max(1_000_000).default(50),
      enabled: z.boolean().default(true),
    })
    .strict(),
);

export type AlertRule = z.infer<typeof alertRuleSchema>;

export const alertRulesSchema = z
  .array(alertRuleSchema)
  .max(50)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.name)) ctx.addIssue({ code: "custom", path: [index, "name"], message: "rule names must be unique" });
      seen.add(rule.name);
    });
  });

/** The rule as the analysis' threshold trigger, so one judgement (and one wording) serves both. */
export function toThresholdTrigger(rule: AlertRule): AnalysisTrigger {
  const { name, metric, comparison, threshold, windowSeconds } = rule;
  return { kind: "threshold", name, metric, comparison, threshold, windowSeconds, enabled: true, dryRun: false };
}
