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
import type { QueryResult } from "./query-prometheus";
import { queryPrometheusParts } from "./query-prometheus-parts";

export type PrometheusSourceOptions = { config: PrometheusSourceConfig; fetchImpl?: typeof fetch };

/**
 * A source is made for one tick of one deployment (or one target's alert evaluation), and its triggers often
 * share a query: the documents' error-rate, p99 and p95 triggers over 5 minutes all count their samples with
 * the same one. Each distinct query at a given time is asked once per source; and the queries asked in the
 * same turn of the event loop for the same time (a tick's triggers, both revisions, value and samples) go in
 * one request on the next (query-prometheus-parts.ts), each answered as it would be alone.
 */
export class PrometheusMetricsSource implements MetricsSource {
  readonly type = "prometheus" as const;
  private readonly asked = new Map<string, Promise<QueryResult>>();
  private readonly batches = new Map<number, Map<string, (result: QueryResult) => void>>();

  constructor(private readonly options: PrometheusSourceOptions) {}

  private ask(query: string, time: Date): Promise<QueryResult> {
    const key = `${time.getTime()} ${query}`;
    let answer = this.asked.get(key);
    if (!answer) {
      answer = new Promise<QueryResult>((resolve) => this.queue(query, time.getTime(), resolve));
      this.asked.set(key, answer);
    }
    return answer;
  }

  private queue(query: string, at: number, resolve: (result: QueryResult) => void): void {
    let batch = this.batches.get(at);
    if (!batch) {
      batch = new Map();
      this.batches.set(at, batch);
      setImmediate(() => void this.send(at));
    }
    batch.set(query, resolve);
  }

  private async send(at: number): Promise<void> {
    const batch = this.batches.get(at)!;
    this.batches.delete(at);
    const { config, fetchImpl } = this.options;
    const queries = [...batch.keys()];
    const parts = Object.fromEntries(queries.map((query, i) => [`q${i}`, query]));
    const results = await queryPrometheusParts({
      url: config.url,
      parts,
      time: new Date(at),
      timeoutMs: config.timeoutMs,
      fetchImpl,
    }).catch((error: unknown): Record<string, QueryResult> =>
      Object.fromEntries(queries.map((_, i) => [`q${i}`, { kind: "error", error: (error as Error).message }])),
    );
    queries.forEach((query, i) => batch.get(query)!(results[`q${i}`]!));
  }

  async measure(input: MeasureInput): Promise<RevisionMeasurements> {
    const { candidate, stable } = input.revisions;
    const [candidateMeasurement, stableMeasurement] = await Promise.all([
      this.measureRevision(input, candidate),
      stable ? this.measureRevision(input, stable) : null,
    ]);
    return { candidate: candidateMeasurement, stable: stableMeasurement };
  }

  private async measureRevision(input: MeasureInput, revision: string): Promise<Measurement> {
    const { config } = this.options;
    const { metric, target, windowSeconds, now } = input;
    const selector = config.selector ?? FLAVOUR_TEMPLATES[config.flavour].selector;
    const render = (template: string) => renderQuery({ template, selector, targetId: target.id, revision, windowSeconds });
    const templates = metricTemplates({ config, metric });
    const query = render(templates.value);
    const sampleQuery = render(templates.samples);
    const [value, samples] = await Promise.all([this.ask(query, now), this.ask(sampleQuery, now)]);
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
