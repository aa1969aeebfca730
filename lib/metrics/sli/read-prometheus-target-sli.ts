// A target's SLI over a window, straight from Prometheus (which keeps the history itself): with Prometheus
// configured, SLOs are computed from it rather than from Flightdeck's rollups. The queries are the analysis'
// templates of the source's flavour (the Flightdeck proxy's series, or Cloud Run's run_googleapis_com:*), with
// the target's overrides, over all revisions of the target: the configured selector with its revision matcher
// taken out, or the flavour's whole-target selector. The requests are the request-rate template's sample count
// and the errors that count times the error-rate template's ratio (both are increases over the same window).
// Null when Prometheus has no requests for the target; a failed query rejects with why.
import type { SliSummary } from "@/lib/domain/slo/summarize-sli-rows";
import { queryPrometheus } from "../prometheus/query-prometheus";
import { DEFAULT_SELECTOR, FLAVOUR_TEMPLATES, metricTemplates, renderQuery } from "../prometheus/query-templates";
import type { MetricName, PrometheusSourceConfig } from "../types";

/** Which target the SLI is of, and the label values of its provider a whole-target selector may name. */
export type SliScope = {
  targetId: string;
  /** e.g. a Cloud Run target's {{project}}, {{region}} and {{service}} */
  placeholders?: Record<string, string>;
};

/** The selector without the matchers of `{{revision}}`: the whole target, every revision. */
export function targetSelector(selector: string = DEFAULT_SELECTOR): string {
  return selector
    .replace(/,?\s*[A-Za-z_][A-Za-z0-9_]*\s*(?:=~|!~|!=|=)\s*"[^"]*\{\{revision\}\}[^"]*"/g, "")
    .replace(/^\s*,\s*/, "")
    .trim();
}

/** The selector of every revision of a target for this source. */
export function wholeTargetSelector(config: PrometheusSourceConfig): string {
  return config.selector ? targetSelector(config.selector) : FLAVOUR_TEMPLATES[config.flavour].targetSelector;
}

export function prometheusSliQueries({
  config,
  scope,
  windowSeconds,
}: {
  config: PrometheusSourceConfig;
  scope: SliScope;
  windowSeconds: number;
}) {
  const selector = wholeTargetSelector(config);
  const render = (metric: MetricName, which: "value" | "samples") =>
    renderQuery({
      template: metricTemplates({ config, metric })[which],
      selector,
      targetId: scope.targetId,
      revision: "",
      windowSeconds,
      placeholders: scope.placeholders,
    });
  return {
    requests: render("request_rate", "samples"),
    errorRatePercent: render("error_rate", "value"),
    p95Ms: render("p95", "value"),
    p99Ms: render("p99", "value"),
    cpu: render("cpu", "value"),
    memory: render("memory", "value"),
  };
}

/** The errors among `requests` at `errorRatePercent`; none where the ratio is unknown (no requests). */
export function errorsOf(requests: number, errorRatePercent: number | null | undefined): number {
  return errorRatePercent === null || errorRatePercent === undefined || !Number.isFinite(errorRatePercent)
    ? 0
    : Math.round((requests * errorRatePercent) / 100);
}

export async function readPrometheusTargetSli({
  config,
  scope,
  windowSeconds,
  now,
  countsOnly = false,
  fetchImpl,
}: {
  config: PrometheusSourceConfig;
  scope: SliScope;
  windowSeconds: number;
  now: Date;
  /** Only the requests and errors (two queries, not six): what a budget or burn-rate window needs. */
  countsOnly?: boolean;
  fetchImpl?: typeof fetch;
}): Promise<SliSummary | null> {
  const all = prometheusSliQueries({ config, scope, windowSeconds });
  const queries: Partial<typeof all> = countsOnly ? { requests: all.requests, errorRatePercent: all.errorRatePercent } : all;
  const entries = await Promise.all(
    Object.entries(queries).map(async ([key, query]) => {
      const result = await queryPrometheus({ url: config.url, query, time: now, timeoutMs: config.timeoutMs, fetchImpl });
      if (result.kind === "error") throw new Error(`${key}: ${result.error}`);
      return [key, result.kind === "value" ? result.value : null] as const;
    }),
  );
  const values = Object.fromEntries(entries) as Partial<Record<keyof typeof all, number | null>>;
  if (values.requests === null || values.requests === undefined) return null;
  return {
    requests: Math.round(values.requests),
    errors: errorsOf(values.requests, values.errorRatePercent),
    p95Ms: values.p95Ms ?? null,
    p99Ms: values.p99Ms ?? null,
    cpu: values.cpu ?? null,
    memory: values.memory ?? null,
  };
}
