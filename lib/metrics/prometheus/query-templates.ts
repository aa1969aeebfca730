// One PromQL template per metric, and one for the samples behind it. The defaults read the series the
// local supervisor exposes (create-proxy-exposition.ts); a target elsewhere overrides the selector or whole
// queries. Each must return a single series (hence the sum/max around everything): the source refuses more.
import type { MetricName } from "../types";

/** Picks one revision of one target; override it for other label schemes (e.g. `job="api",version="{{revision}}"`). */
export const DEFAULT_SELECTOR = 'target="{{target}}",revision="{{revision}}"';

const requests = "flightdeck_proxy_requests_total{{{selector}}}";
const latencyBuckets = "flightdeck_proxy_request_duration_seconds_bucket{{{selector}}}";
const requestCount = `sum(increase(${requests}[{{window}}]))`;
const quantile = (q: number) => `1000 * histogram_quantile(${q}, sum by (le) (rate(${latencyBuckets}[{{window}}])))`;
const readings = (series: string) => `sum(count_over_time(${series}{{{selector}}}[{{window}}]))`;

export type QueryTemplate = { value: string; samples: string };

export const DEFAULT_QUERIES: Record<MetricName, QueryTemplate> = {
  request_rate: { value: `sum(rate(${requests}[{{window}}]))`, samples: requestCount },
  // A revision that never failed has a 5xx series at 0; `or vector(0)` also covers exporters that omit it.
  error_rate: {
    value: `100 * (sum(rate(flightdeck_proxy_requests_total{{{selector}},status_class="5xx"}[{{window}}])) or vector(0)) / sum(rate(${requests}[{{window}}]))`,
    samples: requestCount,
  },
  p95: { value: quantile(0.95), samples: requestCount },
  p99: { value: quantile(0.99), samples: requestCount },
  cpu: {
    value: "100 * sum(rate(flightdeck_revision_cpu_seconds_total{{{selector}}}[{{window}}]))",
    samples: readings("flightdeck_revision_cpu_seconds_total"),
  },
  memory: {
    value:
      "100 * sum(avg_over_time(flightdeck_revision_resident_memory_bytes{{{selector}}}[{{window}}])) / sum(max_over_time(flightdeck_revision_memory_limit_bytes{{{selector}}}[{{window}}]))",
    samples: readings("flightdeck_revision_resident_memory_bytes"),
  },
  health_failures: {
    value: "max(max_over_time(flightdeck_revision_health_check_consecutive_failures{{{selector}}}[{{window}}]))",
    samples: readings("flightdeck_revision_health_check_consecutive_failures"),
  },
};

/** Label values go inside double quotes: escape what PromQL would read as the end of the string. */
function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/** Fills {{selector}} only: the query as an admin reads it, with {{target}}, {{revision}} and {{window}} still to come. */
export function fillSelector({ template, selector = DEFAULT_SELECTOR }: { template: string; selector?: string }): string {
  return template.replace(/\{\{selector\}\}/g, selector);
}

/** Fills {{selector}} (itself a template), then {{target}}, {{revision}} and {{window}} (as "300s"). */
export function renderQuery({
  template,
  selector = DEFAULT_SELECTOR,
  targetId,
  revision,
  windowSeconds,
}: {
  template: string;
  selector?: string;
  targetId: string;
  revision: string;
  windowSeconds: number;
}): string {
  const values: Record<string, string> = {
    target: escapeLabelValue(targetId),
    revision: escapeLabelValue(revision),
    window: `${windowSeconds}s`,
  };
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
  return fill(fillSelector({ template, selector }));
}
