// The `prometheus` metrics source: each metric is a PromQL template (query-templates.ts, overridable per
// target) evaluated at the window's end, with a second query for the samples behind the value.
import {
  METRICS,
  type Measurement,
  type MeasureInput,
  type MetricsSource,
  type PrometheusSourceConfig,
  type RevisionMeasurements,
} from "../types";
import { FLAVOUR_TEMPLATES, metricTemplates, renderQuery } from "./query-templates";
import { queryPrometheus } from "./query-prometheus";

export type PrometheusSourceOptions = { config: PrometheusSourceConfig; fetchImpl?: typeof fetch };

export class PrometheusMetricsSource implements MetricsSource {
  readonly type = "prometheus" as const;

  constructor(private readonly options: PrometheusSourceOptions) {}

  async measure(input: MeasureInput): Promise<RevisionMeasurements> {
    const { candidate, stable } = input.revisions;
    const [candidateMeasurement, stableMeasurement] = await Promise.all([
      this.measureRevision(input, candidate),
      stable ? this.measureRevision(input, stable) : null,
    ]);
    return { candidate: candidateMeasurement, stable: stableMeasurement };
  }

  private async measureRevision(input: MeasureInput, revision: string): Promise<Measurement> {
    const { config, fetchImpl } = this.options;
    const { metric, target, windowSeconds, now } = input;
    const selector = config.selector ?? FLAVOUR_TEMPLATES[config.flavour].selector;
    const render = (template: string) => renderQuery({ template, selector, targetId: target.id, revision, windowSeconds });
    const templates = metricTemplates({ config, metric });
    const query = render(templates.value);
    const sampleQuery = render(templates.samples);
    const ask = (text: string) => queryPrometheus({ url: config.url, query: text, time: now, timeoutMs: config.timeoutMs, fetchImpl });
    const [value, samples] = await Promise.all([ask(query), ask(sampleQuery)]);
    const base = { metric, revision, query, windowSeconds, measuredAt: now.toISOString() };
    if (value.kind === "error") return { ...base, value: null, sampleCount: 0, phase: "error", error: value.error };
    if (samples.kind === "error")
      return { ...base, value: null, sampleCount: 0, phase: "error", error: `sample count query ${sampleQuery}: ${samples.error}` };
    // increase() extrapolates to the window's edges, so a request count comes back fractional.
    const sampleCount = samples.kind === "value" ? Math.round(samples.value) : 0;
    if (value.kind === "empty") return { ...base, value: null, sampleCount, phase: "ok", note: `no data: ${value.why}` };
    // A traffic metric from a window without requests is no data, however the query happens to read it.
    if (METRICS[metric].needsTraffic && sampleCount === 0)
      return { ...base, value: null, sampleCount, phase: "ok", note: "no data: no requests in the window" };
    return { ...base, value: value.value, sampleCount, phase: "ok" };
  }
}
