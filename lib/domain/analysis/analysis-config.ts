// A service's analysis configuration: the triggers judged at every canary step and after a switch, how
// often, and how many bad measurements it takes to act. Validated with zod wherever it is stored or edited.
import { z } from "zod";
import { DEFAULT_ROLLBACK_TRIGGERS } from "../document-defaults";
import { METRIC_NAMES } from "./metric-names";

const triggerBase = {
  /** Unique within the configuration: measurements refer to their trigger by name. */
  name: z.string().trim().min(1).max(120),
  metric: z.enum(METRIC_NAMES),
  windowSeconds: z.number().int().min(10).max(3600),
  enabled: z.boolean().default(true),
  /** Judged and recorded like any trigger, but never acts: a way to try a threshold on real releases. */
  dryRun: z.boolean().default(false),
};

/** The candidate's value against a fixed threshold, in the metric's unit. */
export const thresholdTriggerSchema = z.object({
  kind: z.literal("threshold"),
  ...triggerBase,
  comparison: z.enum([">", "<"]),
  threshold: z.number().finite(),
});

/** The candidate against the stable revision over the same window: a breach when more than N % above it. */
export const baselineTriggerSchema = z.object({
  kind: z.literal("baseline"),
  ...triggerBase,
  maxIncreasePercent: z.number().finite().min(0).max(10_000),
});

export const analysisTriggerSchema = z.discriminatedUnion("kind", [thresholdTriggerSchema, baselineTriggerSchema]);

export const LOW_TRAFFIC_POLICIES = ["pause", "pass"] as const;

export const analysisConfigSchema = z
  .object({
    triggers: z
      .array(analysisTriggerSchema)
      .max(50)
      .default(() => structuredClone(DEFAULT_ROLLBACK_TRIGGERS) as AnalysisTrigger[]),
    /** Seconds between measurements. */
    intervalSeconds: z.number().int().min(1).max(3600).default(10),
    /** After full traffic, how long analysis keeps watching: the documents' "immediate monitoring (first 30 minutes)"; 0 = not at all. */
    watchPeriodSeconds: z.number().int().min(0).max(86_400).default(1800),
    /** Breaches a trigger may have before the run rolls back: 0 acts on the first one. */
    failureLimit: z.number().int().min(0).max(1000).default(0),
    /** Failed queries in a row tolerated before the run turns inconclusive (Argo Rollouts' default, 4). */
    consecutiveErrorLimit: z.number().int().min(0).max(1000).default(4),
    /** Inconclusive measurements (no data despite traffic, no stable to compare with) tolerated before pausing. */
    inconclusiveLimit: z.number().int().min(0).max(1000).default(0),
    /**
     * Requests a window must hold before a traffic metric is judged. At 50, one error is 2 %: a 5 % trigger
     * needs three, so a single unlucky request never rolls back a release.
     */
    minSampleRequests: z.number().int().min(1).max(1_000_000).default(50),
    /** What a step that ends with too little traffic gets: a person decides (`pause`), or it passes, saying so. */
    lowTrafficPolicy: z.enum(LOW_TRAFFIC_POLICIES).default("pause"),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.triggers.forEach((trigger, index) => {
      if (seen.has(trigger.name))
        ctx.addIssue({ code: "custom", path: ["triggers", index, "name"], message: "trigger names must be unique" });
      seen.add(trigger.name);
    });
  });

export type AnalysisTrigger = z.infer<typeof analysisTriggerSchema>;
export type AnalysisTriggerInput = z.input<typeof analysisTriggerSchema>;
export type AnalysisConfig = z.infer<typeof analysisConfigSchema>;
export type AnalysisLimits = Pick<AnalysisConfig, "failureLimit" | "consecutiveErrorLimit" | "inconclusiveLimit">;
export type LowTrafficPolicy = (typeof LOW_TRAFFIC_POLICIES)[number];

/** The documents' analysis: their triggers, a 10 s interval, and the limits above. */
export const DEFAULT_ANALYSIS_CONFIG: AnalysisConfig = analysisConfigSchema.parse({});
