// A service's stored analysis: the configuration the decision reads, plus whether analysis acts at all.
// Stored as JSON on Service.analysis; off by default so that existing services keep rolling out by their
// timed pauses until someone turns it on.
import { z } from "zod";
import { type AnalysisConfig, analysisConfigSchema } from "./analysis-config";

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
