// The SLO charts of a Prometheus target: each SLI per step, from range queries over the same PromQL the
// SLO numbers use (each step's window is the step itself), as points shaped like the rollups' so the page
// draws both alike. A step without requests has no ratio: a gap, never 100 %.
import type { SliPoint } from "@/lib/domain/slo/bucket-sli-series";
import { queryPrometheusRange, type RangeSample } from "../prometheus/query-prometheus-range";
import type { PrometheusSourceConfig } from "../types";
import { errorsOf, prometheusSliQueries, type SliScope } from "./read-prometheus-target-sli";

export async function readPrometheusSliSeries({
  config,
  scope,
  from,
  to,
  stepSeconds,
  fetchImpl,
}: {
  config: PrometheusSourceConfig;
  scope: SliScope;
  from: Date;
  to: Date;
  stepSeconds: number;
  fetchImpl?: typeof fetch;
}): Promise<SliPoint[]> {
  const queries = prometheusSliQueries({ config, scope, windowSeconds: stepSeconds });
  const stepMs = stepSeconds * 1000;
  // Evaluated at each step's end, the last one ending now (so the requests of the last seconds show); the
  // point is named by its start, as a rollup row is.
  const steps = Math.floor((to.getTime() - from.getTime()) / stepMs);
  const start = new Date(to.getTime() - (steps - 1) * stepMs);
  const entries = await Promise.all(
    Object.entries(queries).map(async ([key, query]) => {
      const samples = await queryPrometheusRange({
        url: config.url,
        query,
        start,
        end: to,
        stepSeconds,
        timeoutMs: config.timeoutMs,
        fetchImpl,
      });
      return [key, new Map(samples.map((s: RangeSample) => [Math.round(s.at - stepMs), s.value]))] as const;
    }),
  );
  const series = Object.fromEntries(entries) as Record<keyof typeof queries, Map<number, number | null>>;
  const points: SliPoint[] = [];
  for (let i = 0; i < steps; i++) {
    const t = start.getTime() - stepMs + i * stepMs;
    const requests = Math.round(series.requests.get(t) ?? 0);
    const errors = errorsOf(requests, series.errorRatePercent.get(t));
    const errorRate = requests > 0 ? (errors / requests) * 100 : null;
    points.push({
      t: new Date(t).toISOString(),
      requests,
      errors,
      availability: errorRate === null ? null : 100 - errorRate,
      errorRate,
      p95: requests > 0 ? (series.p95Ms.get(t) ?? null) : null,
      p99: requests > 0 ? (series.p99Ms.get(t) ?? null) : null,
      cpu: series.cpu.get(t) ?? null,
      memory: series.memory.get(t) ?? null,
    });
  }
  return points;
}
