// The PromQL a Prometheus source will run for each metric, as an admin reads it: the target's override or
// the default template, with its selector filled in and {{target}}, {{revision}}, {{window}} left as
// placeholders (they are known only when a revision is measured). The settings form and the target API show
// it, so nobody has to work out from the templates module what will be sent.
import { METRIC_NAMES, type MetricName, type MetricsSourceConfig } from "../types";
import { FLAVOUR_TEMPLATES, fillSelector } from "./query-templates";

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
      const value = config.queries[metric];
      const samples = config.sampleQueries[metric];
      const query: EffectiveQuery = {
        value: fillSelector({ template: value ?? defaults.queries[metric].value, selector }),
        samples: fillSelector({ template: samples ?? defaults.queries[metric].samples, selector }),
        isOverridden: { value: value !== undefined, samples: samples !== undefined },
      };
      return [metric, query];
    }),
  ) as Record<MetricName, EffectiveQuery>;
  return { selector, queries };
}
