// The metrics source contract: what the analysis may ask of a place that knows a revision's traffic and
// resources (the local proxy, Prometheus). One interface; a registry picks the implementation; failures
// come back as measurements in phase "error", never as exceptions (STYLE 7).
import { z } from "zod";
import type { Measurement, RevisionMeasurements } from "@/lib/domain/analysis/measurement";
import { METRIC_NAMES, type MetricName } from "@/lib/domain/analysis/metric-names";

export type { Measurement, RevisionMeasurements } from "@/lib/domain/analysis/measurement";
export { METRIC_NAMES, METRICS, type MetricName } from "@/lib/domain/analysis/metric-names";

export type MeasureInput = {
  metric: MetricName;
  /** The deploy target whose revisions are measured (a Target row's id). */
  target: { id: string };
  /** The revision under test and, when there is one, the revision it replaces; both over the same window. */
  revisions: { candidate: string; stable?: string | null };
  windowSeconds: number;
  /** The window ends here. */
  now: Date;
};

export interface MetricsSource {
  readonly type: MetricsSourceType;
  /**
   * Measures `metric` of the candidate (and the stable revision, if named) over the `windowSeconds` that end
   * at `now`. Never rejects: an unreachable source, a bad query or a timeout is a measurement in phase
   * "error" saying why; a window without data is a null value with sampleCount 0. Read-only, so repeating
   * it is harmless.
   */
  measure(input: MeasureInput): Promise<RevisionMeasurements>;
}

const queryText = z.string().trim().min(1, "is required").max(4000, "must be at most 4000 characters");

/**
 * How a target's metrics are read; stored as JSON and validated here. Strict, so that a misspelt key (say
 * `query` for `queries`) is refused where an admin sends it instead of silently measuring with the defaults.
 */
export const metricsSourceConfigSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("local") }).strict(),
  z
    .object({
      type: z.literal("prometheus"),
      /** Base URL of a Prometheus-compatible HTTP API (Prometheus, Thanos, Mimir, VictoriaMetrics). */
      url: z.url({ protocol: /^https?$/, message: "must be an http or https URL" }).max(2048, "must be at most 2048 characters"),
      timeoutMs: z.number().int().min(100).max(60_000).default(5_000),
      /** The templates and selector the defaults come from: the Flightdeck proxy's series, or Cloud Run's (GMP). */
      flavour: z.enum(["flightdeck", "cloudrun"]).default("flightdeck"),
      /** Label matchers that pick one revision of this target; placeholders {{target}} and {{revision}}. */
      selector: queryText.optional(),
      /** Per metric, PromQL replacing the default template; placeholders {{selector}}, {{window}}, {{target}}, {{revision}}. */
      queries: z.partialRecord(z.enum(METRIC_NAMES), queryText).default({}),
      /** Per metric, PromQL for the sample count (requests, or readings) behind a value. */
      sampleQueries: z.partialRecord(z.enum(METRIC_NAMES), queryText).default({}),
    })
    .strict(),
]);

export type MetricsSourceConfig = z.infer<typeof metricsSourceConfigSchema>;
export type MetricsSourceType = MetricsSourceConfig["type"];
export type PrometheusSourceConfig = Extract<MetricsSourceConfig, { type: "prometheus" }>;

/** A measurement that failed before any value was read; the shape every source uses for errors. */
export function errorMeasurement({
  input,
  revision,
  query,
  error,
}: {
  input: MeasureInput;
  revision: string;
  query: string;
  error: string;
}): Measurement {
  const { metric, windowSeconds, now } = input;
  return { metric, revision, value: null, sampleCount: 0, query, windowSeconds, measuredAt: now.toISOString(), phase: "error", error };
}
