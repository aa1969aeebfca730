// Chooses the metrics source for a target's configuration. Exhaustive: a new source type does not compile
// until it has a case here.
import path from "node:path";
import { AppError } from "@/lib/api/app-error";
import { env } from "@/lib/env";
import { LocalMetricsSource, readWindowFromSupervisor } from "./local/local-metrics-source";
import { PrometheusMetricsSource } from "./prometheus/prometheus-metrics-source";
import { type MetricsSource, type MetricsSourceConfig, metricsSourceConfigSchema } from "./types";

export type MetricsSourceOptions = {
  /** Directory of the local provider's state files; defaults to LOCAL_PROVIDER_STATE_DIR. */
  localStateDir?: string;
  fetchImpl?: typeof fetch;
};

/** Validates a stored configuration; a validation AppError names the bad fields. */
export function parseMetricsSourceConfig(config: unknown): MetricsSourceConfig {
  const parsed = metricsSourceConfigSchema.safeParse(config);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ path: `metrics.${i.path.join(".")}`, message: i.message }));
  throw new AppError(
    "validation",
    `The metrics source configuration is invalid: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`,
    { fields },
  );
}

export function createMetricsSource(config: unknown, options: MetricsSourceOptions = {}): MetricsSource {
  const parsed = parseMetricsSourceConfig(config);
  switch (parsed.type) {
    case "local":
      return new LocalMetricsSource({
        readWindow: readWindowFromSupervisor({
          stateDir: path.resolve(/*turbopackIgnore: true*/ options.localStateDir ?? env().LOCAL_PROVIDER_STATE_DIR),
        }),
      });
    case "prometheus":
      return new PrometheusMetricsSource({ config: parsed, fetchImpl: options.fetchImpl });
    default: {
      const unknown: never = parsed;
      throw new Error(`unknown metrics source ${JSON.stringify(unknown)}`);
    }
  }
}
