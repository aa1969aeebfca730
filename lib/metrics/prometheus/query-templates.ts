// One PromQL template per metric, and one for the samples behind it. The defaults read the series the
// local supervisor exposes (create-proxy-exposition.ts); a target elsewhere overrides the selector or whole
// queries. Each must return a single series (hence the sum/max around everything): the source refuses more.
import type { MetricName, PrometheusSourceConfig } from "../types";

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

/**
 * Cloud Run's request metrics as Google Cloud Managed Service for Prometheus names them
 * (`run_googleapis_com:<metric>`, labels project_id, location, service_name, revision_name,
 * response_code_class…). The Cloud Run provider names a revision `<service>-<name>`, hence the selector.
 * Latencies are milliseconds already. CPU and memory are Cloud Run's utilisation distributions (p95 of
 * instances); Cloud Run exports no health-probe metric, so health_failures reads a series only an exporter
 * of the service's own could provide, and otherwise has no data.
 */
export const CLOUD_RUN_SELECTOR = 'revision_name=~".+-{{revision}}"';

const runRequests = "run_googleapis_com:request_count{{{selector}}}";
const runRequestCount = `sum(increase(${runRequests}[{{window}}]))`;
const runQuantile = (q: number) =>
  `histogram_quantile(${q}, sum by (le) (rate(run_googleapis_com:request_latencies_bucket{{{selector}}}[{{window}}])))`;
const utilisation = (metric: string) => ({
  value: `100 * histogram_quantile(0.95, sum by (le) (rate(run_googleapis_com:${metric}_bucket{{{selector}}}[{{window}}])))`,
  samples: `sum(increase(run_googleapis_com:${metric}_count{{{selector}}}[{{window}}]))`,
});

export const CLOUD_RUN_QUERIES: Record<MetricName, QueryTemplate> = {
  request_rate: { value: `sum(rate(${runRequests}[{{window}}]))`, samples: runRequestCount },
  error_rate: {
    value: `100 * (sum(rate(run_googleapis_com:request_count{{{selector}},response_code_class="5xx"}[{{window}}])) or vector(0)) / sum(rate(${runRequests}[{{window}}]))`,
    samples: runRequestCount,
  },
  p95: { value: runQuantile(0.95), samples: runRequestCount },
  p99: { value: runQuantile(0.99), samples: runRequestCount },
  cpu: utilisation("container_cpu_utilizations"),
  memory: utilisation("container_memory_utilizations"),
  health_failures: DEFAULT_QUERIES.health_failures,
};

/** Which set of templates a Prometheus source starts from: the Flightdeck proxy's series, or Cloud Run's. */
export const QUERY_FLAVOURS = ["flightdeck", "cloudrun"] as const;
export type QueryFlavour = (typeof QUERY_FLAVOURS)[number];

/**
 * Every revision of one Cloud Run target, for its SLOs: the service in its project and region (the target's
 * provider configuration fills {{project}}, {{region}} and {{service}}).
 */
export const CLOUD_RUN_TARGET_SELECTOR = 'project_id="{{project}}",location="{{region}}",service_name="{{service}}"';

export const FLAVOUR_TEMPLATES: Record<
  QueryFlavour,
  { label: string; selector: string; targetSelector: string; queries: Record<MetricName, QueryTemplate> }
> = {
  flightdeck: {
    label: "Flightdeck proxy series (local targets)",
    selector: DEFAULT_SELECTOR,
    targetSelector: 'target="{{target}}"',
    queries: DEFAULT_QUERIES,
  },
  cloudrun: {
    label: "Cloud Run (Managed Service for Prometheus)",
    selector: CLOUD_RUN_SELECTOR,
    targetSelector: CLOUD_RUN_TARGET_SELECTOR,
    queries: CLOUD_RUN_QUERIES,
  },
};

/** A metric's templates for a source: the target's overrides, else its flavour's defaults. */
export function metricTemplates({ config, metric }: { config: PrometheusSourceConfig; metric: MetricName }): QueryTemplate {
  const defaults = FLAVOUR_TEMPLATES[config.flavour].queries[metric];
  return { value: config.queries[metric] ?? defaults.value, samples: config.sampleQueries[metric] ?? defaults.samples };
}

/** Label values go inside double quotes: escape what PromQL would read as the end of the string. */
function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/** Fills {{selector}} only: the query as an admin reads it, with {{target}}, {{revision}} and {{window}} still to come. */
export function fillSelector({ template, selector = DEFAULT_SELECTOR }: { template: string; selector?: string }): string {
  return template.replace(/\{\{selector\}\}/g, selector);
}

/** Fills {{selector}} (itself a template), then {{target}}, {{revision}}, {{window}} (as "300s") and any `placeholders`. */
export function renderQuery({
  template,
  selector = DEFAULT_SELECTOR,
  targetId,
  revision,
  windowSeconds,
  placeholders = {},
}: {
  template: string;
  selector?: string;
  targetId: string;
  revision: string;
  windowSeconds: number;
  /** further label values a selector names, such as a Cloud Run target's {{service}} */
  placeholders?: Record<string, string>;
}): string {
  const values: Record<string, string> = {
    ...Object.fromEntries(Object.entries(placeholders).map(([name, value]) => [name, escapeLabelValue(value)])),
    target: escapeLabelValue(targetId),
    revision: escapeLabelValue(revision),
    window: `${windowSeconds}s`,
  };
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
  return fill(fillSelector({ template, selector }));
}
