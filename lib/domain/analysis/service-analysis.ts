// A service's stored analysis: the configuration the decision reads, plus whether analysis acts at all.
// Stored as JSON on Service.analysis; off by default so that existing services keep rolling out by their
// timed pauses until someone turns it on.
import { z } from "zod";
import { type AnalysisConfig, analysisConfigSchema, DEFAULT_ANALYSIS_CONFIG } from "./analysis-config";

/** `{ enabled, ...AnalysisConfig }`: every field but `enabled` takes the documents' default when absent. */
export const serviceAnalysisSchema = z.object({ enabled: z.boolean().default(false) }).and(analysisConfigSchema);

export type ServiceAnalysis = { enabled: boolean; config: AnalysisConfig };

export type ServiceAnalysisResult = { ok: true; value: ServiceAnalysis } | { ok: false; issues: { path: string; message: string }[] };

/** Parses a stored or submitted value; the issues name the fields (under `analysis.`). */
export function parseServiceAnalysis(value: unknown): ServiceAnalysisResult {
  const parsed = serviceAnalysisSchema.safeParse(value ?? {});
  if (!parsed.success)
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: ["analysis", ...i.path.map(String)].join("."), message: i.message })),
    };
  const { enabled, ...config } = parsed.data;
  return { ok: true, value: { enabled, config } };
}

/**
 * Seconds a deploy's analysis watches the revision after full traffic: the configured watch period while
 * analysis is on, 0 (no watch) when it is off. An invalid stored value plans the documents' watch, so the
 * rollout reaches it and is held there saying why, as a canary pause is.
 */
export function watchSecondsOf(value: unknown): number {
  const parsed = parseServiceAnalysis(value);
  if (!parsed.ok) return DEFAULT_ANALYSIS_CONFIG.watchPeriodSeconds;
  return parsed.value.enabled ? parsed.value.config.watchPeriodSeconds : 0;
}
