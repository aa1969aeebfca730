// The PromQL a Prometheus source will run for each metric, as an admin reads it: the target's override or
// the default template, with its selector filled in and {{target}}, {{revision}}, {{window}} left as
// placeholders (they are known only when a revision is measured). The settings form and the target API show
// it, so nobody has to work out from the templates module what will be sent.
import { METRIC_NAMES, type MetricName, type MetricsSourceConfig } from "../types";
import { FLAVOUR_TEMPLATES, fillSelector, metricTemplates } from "./query-templates";

export type EffectiveQuery = {
  /** the value's query */
  value: string;
  /** the query of the sample count behind the value */
  samples: string;
  /** whether `value` / `samples` come from the target's own override rather than the default template */
  isOverridden: { value: boolean; samples: boolean };
};

export type EffectiveQueries = { selector: string; queries: Record<MetricName, EffectiveQuery> };

/** Null for a source that runs no PromQL (local). Pure. */
export function effectiveQueries(config: MetricsSourceConfig): EffectiveQueries | null {
  if (config.type !== "prometheus") return null;
  const defaults = FLAVOUR_TEMPLATES[config.flavour];
  const selector = config.selector ?? defaults.selector;
  const queries = Object.fromEntries(
    METRIC_NAMES.map((metric) => {
      const templates = metricTemplates({ config, metric });
      const query: EffectiveQuery = {
        value: fillSelector({ template: templates.value, selector }),
        samples: fillSelector({ template: templates.samples, selector }),
        isOverridden: { value: config.queries[metric] !== undefined, samples: config.sampleQueries[metric] !== undefined },
      };
      return [metric, query];
    }),
  ) as Record<MetricName, EffectiveQuery>;
  return { selector, queries };
}
