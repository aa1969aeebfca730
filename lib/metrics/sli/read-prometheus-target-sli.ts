// A target's SLI over a window, straight from Prometheus (which keeps the history itself): with Prometheus
// configured, SLOs are computed from it rather than from Flightdeck's rollups. The queries are the analysis'
// templates of the source's flavour (the Flightdeck proxy's series, or Cloud Run's run_googleapis_com:*), with
// the target's overrides, over all revisions of the target: the configured selector with its revision matcher
// taken out, or the flavour's whole-target selector. The requests are the request-rate template's sample count
// and the errors that count times the error-rate template's ratio (both are increases over the same window).
// Null when Prometheus has no requests for the target; a failed query rejects with why.
import type { SliSummary } from "@/lib/domain/slo/summarize-sli-rows";
import { queryPrometheusParts } from "../prometheus/query-prometheus-parts";
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

/** One window to read: its length, and whether its counts alone are needed (a budget or burn-rate window). */
export type SliWindowAsk = { windowSeconds: number; countsOnly?: boolean };

/**
 * Several windows of one target at one time, in one request to Prometheus (query-prometheus-parts.ts): each
 * window's summary, null where Prometheus has no requests for the target. A failed part rejects with the
 * part, the window and why.
 */
export async function readPrometheusTargetSlis<W extends string>({
  config,
  scope,
  windows,
  now,
  fetchImpl,
}: {
  config: PrometheusSourceConfig;
  scope: SliScope;
  windows: Record<W, SliWindowAsk>;
  now: Date;
  fetchImpl?: typeof fetch;
}): Promise<Record<W, SliSummary | null>> {
  const asks = Object.entries(windows) as [W, SliWindowAsk][];
  const parts: Record<string, string> = {};
  for (const [name, { windowSeconds, countsOnly }] of asks) {
    const all = prometheusSliQueries({ config, scope, windowSeconds });
    const queries: Partial<typeof all> = countsOnly ? { requests: all.requests, errorRatePercent: all.errorRatePercent } : all;
    for (const [key, query] of Object.entries(queries)) parts[`${name}/${key}`] = query;
  }
  const results = await queryPrometheusParts({ url: config.url, parts, time: now, timeoutMs: config.timeoutMs, fetchImpl });
  for (const [part, result] of Object.entries(results)) {
    if (result.kind !== "error") continue;
    const [name, key] = part.split("/");
    throw new Error(`${key} (${windows[name as W].windowSeconds} s window): ${result.error}`);
  }
  const valueOf = (name: W, key: keyof ReturnType<typeof prometheusSliQueries>) => {
    const result = results[`${name}/${key}`];
    return result?.kind === "value" ? result.value : null;
  };
  const summaries = asks.map(([name]): [W, SliSummary | null] => {
    const requests = valueOf(name, "requests");
    if (requests === null) return [name, null];
    return [
      name,
      {
        requests: Math.round(requests),
        errors: errorsOf(requests, valueOf(name, "errorRatePercent")),
        p95Ms: valueOf(name, "p95Ms"),
        p99Ms: valueOf(name, "p99Ms"),
        cpu: valueOf(name, "cpu"),
        memory: valueOf(name, "memory"),
      },
    ];
  });
  return Object.fromEntries(summaries) as Record<W, SliSummary | null>;
}

/** One window of one target (readPrometheusTargetSlis with one window). */
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
  /** Only the requests and errors, not the latencies and resources: what a budget or burn-rate window needs. */
  countsOnly?: boolean;
  fetchImpl?: typeof fetch;
}): Promise<SliSummary | null> {
  const { window } = await readPrometheusTargetSlis({ config, scope, windows: { window: { windowSeconds, countsOnly } }, now, fetchImpl });
  return window;
}
