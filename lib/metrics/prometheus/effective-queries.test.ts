import { describe, expect, it } from "vitest";
import { metricsSourceConfigSchema } from "../types";
import { effectiveQueries } from "./effective-queries";
import { DEFAULT_QUERIES } from "./query-templates";

const prometheus = (overrides: Record<string, unknown> = {}) =>
  metricsSourceConfigSchema.parse({ type: "prometheus", url: "http://prom:9090", ...overrides });

describe("effectiveQueries", () => {
  it("runs no PromQL for the local source", () => {
    expect(effectiveQueries({ type: "local" })).toBeNull();
  });

  it("shows the default templates with the default selector filled in and the other placeholders kept", () => {
    const shown = effectiveQueries(prometheus())!;
    expect(shown.selector).toBe('target="{{target}}",revision="{{revision}}"');
    expect(shown.queries.request_rate).toEqual({
      value: 'sum(rate(flightdeck_proxy_requests_total{target="{{target}}",revision="{{revision}}"}[{{window}}]))',
      samples: 'sum(increase(flightdeck_proxy_requests_total{target="{{target}}",revision="{{revision}}"}[{{window}}]))',
      isOverridden: { value: false, samples: false },
    });
    expect(Object.values(shown.queries).every((q) => !q.value.includes("{{selector}}"))).toBe(true);
  });

  it("puts the target's selector into every template and its overrides in place of the defaults", () => {
    const shown = effectiveQueries(
      prometheus({ selector: 'job="api",version="{{revision}}"', queries: { p99: "max(p99{{{selector}}})" } }),
    )!;
    expect(shown.queries.p99).toEqual({
      value: 'max(p99{job="api",version="{{revision}}"})',
      samples: DEFAULT_QUERIES.p99.samples.replaceAll("{{selector}}", 'job="api",version="{{revision}}"'),
      isOverridden: { value: true, samples: false },
    });
  });

  it("starts a Cloud Run source from Cloud Run's series and labels as Managed Service for Prometheus names them", () => {
    const shown = effectiveQueries(prometheus({ flavour: "cloudrun" }))!;
    expect(shown.selector).toBe('revision_name=~".+-{{revision}}"');
    expect(shown.queries.error_rate.value).toBe(
      '100 * (sum(rate(run_googleapis_com:request_count{revision_name=~".+-{{revision}}",response_code_class="5xx"}[{{window}}])) or vector(0)) / sum(rate(run_googleapis_com:request_count{revision_name=~".+-{{revision}}"}[{{window}}]))',
    );
    expect(shown.queries.p95.value).toBe(
      'histogram_quantile(0.95, sum by (le) (rate(run_googleapis_com:request_latencies_bucket{revision_name=~".+-{{revision}}"}[{{window}}])))',
    );
    expect(effectiveQueries(prometheus())!.selector).toBe('target="{{target}}",revision="{{revision}}"');
  });
});
