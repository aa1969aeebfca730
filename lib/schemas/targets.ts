// Input of the target routes (/api/v1/targets). A target is a service × environment: its provider and that
// provider's configuration (validated by the provider's own schema), its default strategy and canary plan
// (validated by the rule the rollout planner applies), whether a deploy needs a backup first, and where
// analysis reads its metrics (the metrics source's own schema).
import { z } from "zod";
import { checkCanarySteps } from "@/lib/domain/plan-rollout";
import { metricsSourceConfigSchema } from "@/lib/metrics/types";
import { AVAILABLE_PROVIDER_TYPES, providerConfigSchemas, type ProviderType } from "@/lib/providers/provider-config";
import { archivedFilter, optionalText } from "./common";

export const PROVIDER_TYPES = Object.keys(providerConfigSchemas) as ProviderType[];
export const STRATEGIES = ["rolling", "blue_green", "canary"] as const;
/** The stored configuration is JSON in a row read on every step: keep it small. */
export const MAX_PROVIDER_CONFIG_CHARS = 16_384;

const providerTypeSchema = z.enum(PROVIDER_TYPES as [ProviderType, ...ProviderType[]], {
  message: `must be one of ${PROVIDER_TYPES.join(", ")}`,
});
const strategySchema = z.enum(STRATEGIES, { message: `must be one of ${STRATEGIES.join(", ")}` });

export const canaryStepsSchema = z
  .array(z.number({ message: "must be numbers" }), { message: "must be a list of percentages" })
  .max(20, "at most 20 steps")
  .superRefine((steps, ctx) => {
    const problem = checkCanarySteps(steps);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** Seconds each canary step is held for analysis; null waits for a person to promote. */
const stepPauseSecondsSchema = z.number().int("must be whole seconds").min(0).max(86_400, "at most one day (86400)").nullable();

const hasNul = (value: unknown): boolean =>
  typeof value === "string"
    ? value.includes("\u0000")
    : Array.isArray(value)
      ? value.some(hasNul)
      : value !== null && typeof value === "object"
        ? Object.entries(value).some(([key, inner]) => key.includes("\u0000") || hasNul(inner))
        : false;

/** Any JSON object here; its shape is the provider's, checked once the provider type is known. */
const providerConfigObject = z
  .record(z.string(), z.unknown(), { message: "must be an object" })
  .refine(
    (config) => JSON.stringify(config).length <= MAX_PROVIDER_CONFIG_CHARS,
    `must be at most ${MAX_PROVIDER_CONFIG_CHARS} characters of JSON`,
  )
  .refine((config) => !hasNul(config), "must not contain NUL characters");

/**
 * Checks `providerConfig` against the schema of `providerType` and returns the parsed configuration (with the
 * provider's defaults), or undefined after adding issues under `providerType` / `providerConfig.*`.
 */
export function checkProviderConfig(
  ctx: z.RefinementCtx,
  { providerType, providerConfig, isNew }: { providerType: ProviderType; providerConfig: unknown; isNew: boolean },
): Record<string, unknown> | undefined {
  if (isNew && !AVAILABLE_PROVIDER_TYPES.includes(providerType)) {
    ctx.addIssue({ code: "custom", path: ["providerType"], message: `${providerType} is not available yet: use local for now` });
    return undefined;
  }
  const parsed = providerConfigSchemas[providerType].safeParse(providerConfig);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  for (const issue of parsed.error.issues) {
    ctx.addIssue({ code: "custom", path: ["providerConfig", ...issue.path.map(String)], message: issue.message });
  }
  return undefined;
}

/** Kubeconfigs with embedded certificates run to tens of kilobytes; more is not a credential. */
export const MAX_CREDENTIALS_CHARS = 65_536;

/** The provider's credentials (a kubeconfig, a service-account key): write-only, encrypted at rest, never returned. */
const credentialsSchema = z
  .string({ message: "must be text (a kubeconfig or a service-account key)" })
  .trim()
  .min(1, "is empty: leave it out to keep the stored credentials")
  .max(MAX_CREDENTIALS_CHARS, `must be at most ${MAX_CREDENTIALS_CHARS} characters`);

const targetSettings = {
  defaultStrategy: strategySchema,
  canarySteps: canaryStepsSchema,
  stepPauseSeconds: stepPauseSecondsSchema,
  requiresBackup: z.boolean({ message: "must be true or false" }),
  /** The local proxy's counters, or a Prometheus-compatible API with optional PromQL overrides. */
  metricsSource: metricsSourceConfigSchema,
};

export const createTargetBody = z
  .object({
    serviceId: z.string().trim().min(1, "is required").max(100),
    /** environment slug */
    environment: z.string().trim().min(1, "is required").max(100),
    providerType: providerTypeSchema,
    providerConfig: providerConfigObject,
    defaultStrategy: targetSettings.defaultStrategy.default("rolling"),
    canarySteps: targetSettings.canarySteps.default([10, 50, 100]),
    stepPauseSeconds: targetSettings.stepPauseSeconds.default(60),
    requiresBackup: targetSettings.requiresBackup.default(false),
    metricsSource: targetSettings.metricsSource.default({ type: "local" }),
    credentials: credentialsSchema.optional(),
  })
  .strict()
  .transform((body, ctx) => {
    const providerConfig = checkProviderConfig(ctx, { ...body, isNew: true });
    return providerConfig ? { ...body, providerConfig } : z.NEVER;
  });
export type CreateTargetInput = z.infer<typeof createTargetBody>;

/** The provider type stays: a target's revisions belong to its provider. The configuration is re-checked against it. */
export const updateTargetBody = z
  .object({
    providerType: z.never({ message: "cannot be changed: a target's revisions belong to its provider" }).optional(),
    providerConfig: providerConfigObject.optional(),
    defaultStrategy: targetSettings.defaultStrategy.optional(),
    canarySteps: targetSettings.canarySteps.optional(),
    stepPauseSeconds: targetSettings.stepPauseSeconds.optional(),
    requiresBackup: targetSettings.requiresBackup.optional(),
    metricsSource: targetSettings.metricsSource.optional(),
    /** New credentials replace the stored ones; null removes them. */
    credentials: credentialsSchema.nullable().optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message:
      "send at least one of providerConfig, defaultStrategy, canarySteps, stepPauseSeconds, requiresBackup, metricsSource, credentials",
  });
export type UpdateTargetInput = z.infer<typeof updateTargetBody>;

/** An update's `providerConfig`, checked against the stored target's provider type (issues under providerConfig.*). */
export const providerConfigUpdate = (providerType: ProviderType) =>
  z
    .object({ providerConfig: z.unknown() })
    .transform((body, ctx) => checkProviderConfig(ctx, { providerType, providerConfig: body.providerConfig, isNew: false }) ?? z.NEVER);

/** POST /api/v1/targets/test-connection: a target not saved yet, as the form holds it. */
export const connectionDraftBody = z
  .object({
    providerType: providerTypeSchema,
    providerConfig: providerConfigObject,
    credentials: credentialsSchema.optional(),
    /** An existing target whose stored credentials stand in when the draft sends none (editing without retyping the key). */
    targetId: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .transform((body, ctx) => {
    const providerConfig = checkProviderConfig(ctx, { ...body, isNew: false });
    return providerConfig ? { ...body, providerConfig } : z.NEVER;
  });
export type ConnectionDraft = z.infer<typeof connectionDraftBody>;

export const listTargetsQuery = z.object({
  /** service slug */
  service: optionalText(100),
  archived: archivedFilter.default("false"),
});
export type ListTargetsQuery = z.infer<typeof listTargetsQuery>;
