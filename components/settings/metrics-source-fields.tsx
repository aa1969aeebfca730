"use client";
// The target form's metrics source (lib/metrics/types.ts: metricsSourceConfigSchema): the local proxy's own
// counters, or a Prometheus-compatible API with a timeout, an optional selector and, per metric, an optional
// PromQL override. Each override's placeholder is the default query with the selector as typed, so the admin
// sees what will run. Sample-count overrides (sampleQueries) are API-only and kept as stored.
import { useState } from "react";
import { textareaClassName } from "@/components/releases/approvals-panel";
import { Field, Input, Select } from "@/components/ui/form";
import { METRIC_NAMES, METRICS, type MetricName } from "@/lib/domain/analysis/metric-names";
import { FLAVOUR_TEMPLATES, fillSelector, QUERY_FLAVOURS, type QueryFlavour } from "@/lib/metrics/prometheus/query-templates";
import type { MetricsSourceConfig } from "@/lib/metrics/types";
import { controlProps } from "./control-props";
import type { FieldErrors } from "./field-errors";

type Prometheus = Extract<MetricsSourceConfig, { type: "prometheus" }>;
const queryField = (metric: MetricName) => `metricsQuery-${metric}`;

/** The metrics source the form describes; the server checks it (URL scheme, lengths, metric names). */
export function readMetricsSource(data: FormData, stored: MetricsSourceConfig | null): Record<string, unknown> {
  if (data.get("metricsType") !== "prometheus") return { type: "local" };
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const queries = Object.fromEntries(METRIC_NAMES.map((m) => [m, text(queryField(m))]).filter(([, query]) => query !== ""));
  return {
    type: "prometheus",
    url: text("metricsUrl"),
    ...(text("metricsTimeoutMs") === "" ? {} : { timeoutMs: Number(text("metricsTimeoutMs")) }),
    flavour: text("metricsFlavour") || "flightdeck",
    ...(text("metricsSelector") === "" ? {} : { selector: text("metricsSelector") }),
    queries,
    sampleQueries: stored?.type === "prometheus" ? stored.sampleQueries : {},
  };
}

export function MetricsSourceFields({ stored, errors }: { stored: MetricsSourceConfig | null; errors: FieldErrors }) {
  const prometheus: Partial<Prometheus> = stored?.type === "prometheus" ? stored : {};
  const [type, setType] = useState<MetricsSourceConfig["type"]>(stored?.type ?? "local");
  const [selector, setSelector] = useState(prometheus.selector ?? "");
  const [flavour, setFlavour] = useState<QueryFlavour>(prometheus.flavour ?? "flightdeck");
  const defaults = FLAVOUR_TEMPLATES[flavour];
  const error = (path: string) => errors.of(`metricsSource.${path}`);
  const shown = ["type", "url", "timeoutMs", "flavour", "selector", ...METRIC_NAMES.map((m) => `queries.${m}`)];
  const rest = errors.of(
    "metricsSource",
    shown.map((path) => `metricsSource.${path}`),
  );
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-xs font-semibold text-slate-700">Metrics source</legend>
      <p className="text-xs text-slate-500">Where analysis reads this target&apos;s request, latency and resource metrics.</p>
      <div role="radiogroup" aria-label="Metrics source" className="flex flex-wrap gap-4 text-sm text-slate-700">
        {(["local", "prometheus"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="metricsType" value={value} checked={type === value} onChange={() => setType(value)} />
            {value === "local" ? "Local proxy (default)" : "Prometheus"}
          </label>
        ))}
      </div>
      {error("type") ? <p className="text-xs font-medium text-red-700">{error("type")}</p> : null}
      {type === "prometheus" ? (
        <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
          <Field id="target-metrics-url" label="Prometheus URL" error={error("url")} hint="Base URL of the HTTP API (http or https).">
            <Input
              {...controlProps("target-metrics-url", error("url"))}
              name="metricsUrl"
              defaultValue={prometheus.url ?? ""}
              placeholder="http://prometheus:9090"
            />
          </Field>
          <Field id="target-metrics-timeoutMs" label="Timeout (ms)" error={error("timeoutMs")} hint="100–60000; empty: 5000.">
            <Input
              {...controlProps("target-metrics-timeoutMs", error("timeoutMs"))}
              name="metricsTimeoutMs"
              type="number"
              defaultValue={prometheus.timeoutMs === undefined ? "" : String(prometheus.timeoutMs)}
            />
          </Field>
          <Field
            id="target-metrics-flavour"
            label="Query templates"
            error={error("flavour")}
            hint="Which series the default queries read: the Flightdeck proxy's, or Cloud Run's as Managed Service for Prometheus names them."
            className="md:col-span-2"
          >
            <Select
              {...controlProps("target-metrics-flavour", error("flavour"))}
              name="metricsFlavour"
              value={flavour}
              onChange={(e) => setFlavour(e.target.value as QueryFlavour)}
            >
              {QUERY_FLAVOURS.map((value) => (
                <option key={value} value={value}>
                  {FLAVOUR_TEMPLATES[value].label}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            id="target-metrics-selector"
            label="Selector (optional)"
            error={error("selector")}
            hint="Label matchers that pick one revision; {{target}} and {{revision}} are filled in."
            className="md:col-span-2"
          >
            <Input
              {...controlProps("target-metrics-selector", error("selector"))}
              name="metricsSelector"
              className="font-mono"
              value={selector}
              placeholder={defaults.selector}
              onChange={(e) => setSelector(e.target.value)}
            />
          </Field>
          {METRIC_NAMES.map((metric) => {
            const id = `target-metrics-query-${metric}`;
            const runs = fillSelector({ template: defaults.queries[metric].value, selector: selector.trim() || defaults.selector });
            return (
              <Field
                key={metric}
                id={id}
                label={`${METRICS[metric].label} query (optional, ${METRICS[metric].unit})`}
                error={error(`queries.${metric}`)}
                hint={<code className="break-all">Default: {runs}</code>}
                className="md:col-span-2"
              >
                <textarea
                  {...controlProps(id, error(`queries.${metric}`))}
                  name={queryField(metric)}
                  rows={2}
                  className={`${textareaClassName} font-mono text-xs`}
                  defaultValue={prometheus.queries?.[metric] ?? ""}
                  placeholder={runs}
                />
              </Field>
            );
          })}
        </div>
      ) : null}
      {rest ? <p className="text-xs font-medium text-red-700">{rest}</p> : null}
    </fieldset>
  );
}
