// A target's SLI over a window, straight from Prometheus (which keeps the history itself): with Prometheus
// configured, SLOs are computed from it rather than from Flightdeck's rollups. The queries read the series the
// local supervisor exposes, over all revisions of the target: the configured selector with its revision
// matcher taken out. Null when Prometheus has no requests for the target; a failed query rejects with why.
import type { SliSummary } from "@/lib/domain/slo/summarize-sli-rows";
import { queryPrometheus } from "../prometheus/query-prometheus";
import { DEFAULT_SELECTOR } from "../prometheus/query-templates";
import type { PrometheusSourceConfig } from "../types";

/** The selector without its `label="{{revision}}"` matcher: the whole target, every revision. */
export function targetSelector(selector: string = DEFAULT_SELECTOR): string {
  return selector
    .replace(/,?\s*[A-Za-z_][A-Za-z0-9_]*\s*=~?\s*"\{\{revision\}\}"/g, "")
    .replace(/^\s*,\s*/, "")
    .trim();
}

export function prometheusSliQueries({
  config,
  targetId,
  windowSeconds,
}: {
  config: PrometheusSourceConfig;
  targetId: string;
  windowSeconds: number;
}) {
  const escaped = targetId.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
  const sel = targetSelector(config.selector).replace(/\{\{target\}\}/g, escaped);
  const w = `${windowSeconds}s`;
  const quantile = (q: number) =>
    `1000 * histogram_quantile(${q}, sum by (le) (rate(flightdeck_proxy_request_duration_seconds_bucket{${sel}}[${w}])))`;
  return {
    requests: `sum(increase(flightdeck_proxy_requests_total{${sel}}[${w}]))`,
    errors: `sum(increase(flightdeck_proxy_requests_total{${sel},status_class="5xx"}[${w}])) or vector(0)`,
    p95Ms: quantile(0.95),
    p99Ms: quantile(0.99),
    cpu: `100 * max(rate(flightdeck_revision_cpu_seconds_total{${sel}}[${w}]))`,
    memory: `100 * max(avg_over_time(flightdeck_revision_resident_memory_bytes{${sel}}[${w}]) / on(target, revision) max_over_time(flightdeck_revision_memory_limit_bytes{${sel}}[${w}]))`,
  };
}

export async function readPrometheusTargetSli({
  config,
  targetId,
  windowSeconds,
  now,
  fetchImpl,
}: {
  config: PrometheusSourceConfig;
  targetId: string;
  windowSeconds: number;
  now: Date;
  fetchImpl?: typeof fetch;
}): Promise<SliSummary | null> {
  const queries = prometheusSliQueries({ config, targetId, windowSeconds });
  const entries = await Promise.all(
    Object.entries(queries).map(async ([key, query]) => {
      const result = await queryPrometheus({ url: config.url, query, time: now, timeoutMs: config.timeoutMs, fetchImpl });
      if (result.kind === "error") throw new Error(`${key}: ${result.error}`);
      return [key, result.kind === "value" ? result.value : null] as const;
    }),
  );
  const values = Object.fromEntries(entries) as Record<keyof typeof queries, number | null>;
  if (values.requests === null) return null;
  return {
    requests: Math.round(values.requests),
    errors: Math.round(values.errors ?? 0),
    p95Ms: values.p95Ms,
    p99Ms: values.p99Ms,
    cpu: values.cpu,
    memory: values.memory,
  };
}
