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
});
