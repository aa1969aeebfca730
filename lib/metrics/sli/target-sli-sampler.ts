// Reads what a whole target served over one window — every revision together, as users saw it — for the SLI
// rollups: requests, 5xx errors, the latency histogram, CPU and memory. A `local` target is read from its
// supervisor's counters (per-second for the last hour, so a worker that missed minutes can still fill them).
// A `prometheus` target is not rolled up: Prometheus keeps the history itself and SLOs are read from it.
import path from "node:path";
import { env } from "@/lib/env";
import type { TargetWindow } from "@/lib/providers/local/read-target-window";
import { LATENCY_BOUNDS_MS } from "@/lib/providers/local/request-metrics";
import { readWindowFromSupervisor, type ReadTargetWindow } from "../local/local-metrics-source";
import { parseMetricsSourceConfig } from "../registry";
import type { PrometheusSourceConfig } from "../types";

/** The latency buckets every rollup row counts in (ms; the last count is above every bound). */
export const SLI_LATENCY_BOUNDS_MS: readonly number[] = LATENCY_BOUNDS_MS;

export type TargetSliSample = {
  requests: number;
  errors: number;
  latencyCounts: number[];
  /** the busiest revision's CPU (percent of one core) and memory (percent of its limit): the SLOs hold per instance */
  cpuPercent: number | null;
  memoryPercent: number | null;
};

export type TargetSliSampler =
  | { kind: "rollup"; sample: (options: { targetId: string; endMs: number; seconds: number }) => Promise<TargetSliSample> }
  | { kind: "prometheus"; config: PrometheusSourceConfig };

export function toTargetSliSample(window: TargetWindow): TargetSliSample {
  const latencyCounts = new Array<number>(SLI_LATENCY_BOUNDS_MS.length + 1).fill(0);
  let requests = 0;
  let errors = 0;
  for (const revision of window.revisions) {
    requests += revision.requests.requests;
    errors += revision.requests.statusClasses["5xx"];
    revision.requests.latencyMs.counts.forEach((count, i) => (latencyCounts[i]! += count));
  }
  const max = (values: (number | null)[]) => {
    const present = values.filter((v): v is number => v !== null);
    return present.length === 0 ? null : Math.max(...present);
  };
  return {
    requests,
    errors,
    latencyCounts,
    cpuPercent: max(window.revisions.map((r) => r.resources.cpuPercent)),
    memoryPercent: max(window.revisions.map((r) => r.resources.memoryPercent)),
  };
}

/** Picks how a target's SLI history is kept, from its stored metrics source. Exhaustive over source types. */
export function createTargetSliSampler(
  config: unknown,
  options: { localStateDir?: string; readWindow?: ReadTargetWindow } = {},
): TargetSliSampler {
  const parsed = parseMetricsSourceConfig(config);
  switch (parsed.type) {
    case "local": {
      const readWindow =
        options.readWindow ??
        readWindowFromSupervisor({
          stateDir: path.resolve(/*turbopackIgnore: true*/ options.localStateDir ?? env().LOCAL_PROVIDER_STATE_DIR),
        });
      return {
        kind: "rollup",
        sample: async (o) => toTargetSliSample(await readWindow({ targetId: o.targetId, seconds: o.seconds, endMs: o.endMs })),
      };
    }
    case "prometheus":
      return { kind: "prometheus", config: parsed };
    default: {
      const unknown: never = parsed;
      throw new Error(`unknown metrics source ${JSON.stringify(unknown)}`);
    }
  }
}
