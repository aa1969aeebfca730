// The query plumbing with a fake HTTP layer; prometheus-source.integration.test.ts runs it against real Prometheus.
import { describe, expect, it } from "vitest";
import { metricsSourceConfigSchema, type PrometheusSourceConfig } from "../types";
import { PrometheusMetricsSource } from "./prometheus-metrics-source";
import { DEFAULT_QUERIES, renderQuery } from "./query-templates";

const now = new Date("2026-12-01T10:00:00Z");
type Reply = { status?: number; body: unknown } | Error;

const PART = /label_replace\((.*?), "flightdeck_part", "(q\d+)", "", ""\)(?: or |$)/g;

/**
 * A fake Prometheus answering each query with `reply`. A request of several parts (the source asks a tick's
 * queries together) is answered as Prometheus would: a part's failure fails the whole, else each part's series
 * come back labelled with its part. `asked` holds the requests, `queries` every query they carried.
 */
function sourceAnswering(reply: (query: string) => Reply, overrides: Partial<PrometheusSourceConfig> = {}) {
  const asked: URL[] = [];
  const queries: string[] = [];
  const fetchImpl = (async (input: URL) => {
    asked.push(input);
    const query = input.searchParams.get("query")!;
    const parts = [...query.matchAll(PART)].map(([, part, key]) => [key!, part!] as const);
    if (parts.length === 0) {
      queries.push(query);
      const r = reply(query);
      if (r instanceof Error) throw r;
      return new Response(JSON.stringify(r.body), { status: r.status ?? 200 });
    }
    queries.push(...parts.map(([, part]) => part));
    const replies = parts.map(([key, part]) => [key, reply(part)] as const);
    const thrown = replies.find(([, r]) => r instanceof Error);
    if (thrown) throw thrown[1];
    const failed = replies.find(([, r]) => (r as Exclude<Reply, Error>).status !== undefined || !isVector(r));
    if (failed) {
      const r = failed[1] as Exclude<Reply, Error>;
      return new Response(JSON.stringify(r.body), { status: r.status ?? 200 });
    }
    const result = replies.flatMap(([key, r]) =>
      (r as VectorReply).body.data.result.map((series) => ({ ...series, metric: { ...series.metric, flightdeck_part: key } })),
    );
    return new Response(JSON.stringify({ status: "success", data: { resultType: "vector", result } }));
  }) as typeof fetch;
  const config = metricsSourceConfigSchema.parse({ type: "prometheus", url: "http://prom:9090/", ...overrides }) as PrometheusSourceConfig;
  return { source: new PrometheusMetricsSource({ config, fetchImpl }), asked, queries };
}

type VectorReply = { body: { data: { result: { metric: Record<string, string>; value: [number, string] }[] } } };
const isVector = (r: Reply) =>
  !(r instanceof Error) && (r.body as { data?: { resultType?: string } } | null)?.data?.resultType === "vector";

const vector = (...values: string[]): Reply => ({
  body: { status: "success", data: { resultType: "vector", result: values.map((v) => ({ metric: {}, value: [1, v] })) } },
});
const measure = (source: PrometheusMetricsSource, metric: "error_rate" | "memory" = "error_rate") =>
  source.measure({ metric, target: { id: "t1" }, revisions: { candidate: "v2", stable: "v1" }, windowSeconds: 300, now });

describe("renderQuery", () => {
  it("fills the selector, then the target, revision and window, escaping label values", () => {
    expect(renderQuery({ template: DEFAULT_QUERIES.request_rate.value, targetId: "t1", revision: "v2", windowSeconds: 300 })).toBe(
      'sum(rate(flightdeck_proxy_requests_total{target="t1",revision="v2"}[300s]))',
    );
    expect(
      renderQuery({
        template: "x{{{selector}}}",
        selector: 'job="a",version="{{revision}}"',
        targetId: "t",
        revision: 'b"c',
        windowSeconds: 60,
      }),
    ).toBe('x{job="a",version="b\\"c"}');
  });
});

describe("PrometheusMetricsSource", () => {
  it("asks for the value and the sample count of both revisions at the window's end, returning the query", async () => {
    const { source, asked, queries } = sourceAnswering((q) =>
      q.startsWith("sum(increase") ? vector("412.7") : vector(q.includes('"v2"') ? "20" : "0"),
    );
    const { candidate, stable } = await measure(source);
    expect(candidate).toMatchObject({ value: 20, sampleCount: 413, phase: "ok", measuredAt: now.toISOString() });
    expect(candidate.query).toContain('status_class="5xx"}[300s]');
    expect(stable).toMatchObject({ revision: "v1", value: 0 });
    // both revisions' value and sample count, in one request
    expect(asked).toHaveLength(1);
    expect(queries).toHaveLength(4);
    expect(asked[0]!.searchParams.get("time")).toBe(String(now.getTime() / 1000) + ".000");
    expect(asked[0]!.pathname).toBe("/api/v1/query");
  });

  it("asks a query that several triggers share once per source, and again for another source or time", async () => {
    const { source, asked, queries } = sourceAnswering((q) => (q.startsWith("sum(increase") ? vector("100") : vector("1")));
    const over5m = (metric: "error_rate" | "p99" | "p95", at = now) =>
      source.measure({ metric, target: { id: "t1" }, revisions: { candidate: "v2", stable: "v1" }, windowSeconds: 300, now: at });
    const [errors, p99, p95] = await Promise.all([over5m("error_rate"), over5m("p99"), over5m("p95")]);
    // Three values and one sample count per revision, instead of three of each, in one request.
    expect(queries).toHaveLength(8);
    expect(asked).toHaveLength(1);
    expect([errors, p99, p95].map((m) => m.candidate.sampleCount)).toEqual([100, 100, 100]);
    await over5m("p99", new Date(now.getTime() + 10_000));
    expect([asked.length, queries.length]).toEqual([2, 12]);
    const other = sourceAnswering(() => vector("1"));
    await other.source.measure({ metric: "p99", target: { id: "t1" }, revisions: { candidate: "v2" }, windowSeconds: 300, now });
    expect([other.asked.length, other.queries.length]).toEqual([1, 2]);
  });

  it("uses a target's own query and selector", async () => {
    const { source, queries } = sourceAnswering(() => vector("1"), {
      selector: 'app="api",rev="{{revision}}"',
      queries: { memory: "max(mem{{{selector}}})" },
    });
    expect((await measure(source, "memory")).candidate.query).toBe('max(mem{app="api",rev="v2"})');
    expect(queries).toContain('sum(count_over_time(flightdeck_revision_resident_memory_bytes{app="api",rev="v2"}[300s]))');
  });

  it("says 'no data' for an empty vector or NaN, with the sample count it found", async () => {
    const empty = await measure(sourceAnswering(() => vector()).source);
    expect(empty.candidate).toMatchObject({
      phase: "ok",
      value: null,
      sampleCount: 0,
      note: "no data: the query returned an empty vector",
    });
    const nan = await measure(sourceAnswering((q) => (q.startsWith("sum(increase") ? vector("0") : vector("NaN"))).source);
    expect(nan.candidate).toMatchObject({ value: null, note: "no data: the query returned NaN (nothing to divide or rank in the window)" });
  });

  it("returns bad PromQL, HTTP failures, several series and an unreachable server as error measurements", async () => {
    const cases: [Reply, string][] = [
      [{ status: 400, body: { status: "error", errorType: "bad_data", error: "parse error" } }, "bad_data: parse error (HTTP 400)"],
      [{ status: 502, body: "<html>" }, "Prometheus at http://prom:9090/ answered HTTP 502"],
      [vector("1", "2"), "the query returned 2 series; it must return one (aggregate with sum or max)"],
      [new TypeError("fetch failed"), "Prometheus at http://prom:9090/ could not be reached: fetch failed"],
      [Object.assign(new Error("timed out"), { name: "TimeoutError" }), "Prometheus at http://prom:9090/ did not answer within 5000 ms"],
    ];
    for (const [reply, error] of cases) {
      const { candidate } = await measure(sourceAnswering(() => reply).source);
      expect(candidate).toMatchObject({ phase: "error", value: null, error });
    }
  });

  it("says a server that sent its headers in time and its body too late timed out, and names a 200 that is not the API", async () => {
    const lateBody = (async () =>
      new Response(
        new ReadableStream({
          start: (controller) =>
            controller.error(Object.assign(new Error("The operation was aborted due to timeout"), { name: "TimeoutError" })),
        }),
        { status: 200 },
      )) as unknown as typeof fetch;
    const config = metricsSourceConfigSchema.parse({ type: "prometheus", url: "http://prom:9090/" }) as PrometheusSourceConfig;
    const late = await measure(new PrometheusMetricsSource({ config, fetchImpl: lateBody }));
    expect(late.candidate).toMatchObject({ phase: "error", error: "Prometheus at http://prom:9090/ did not answer within 5000 ms" });
    const { candidate } = await measure(sourceAnswering(() => ({ body: "<html>login</html>" })).source);
    expect(candidate).toMatchObject({
      phase: "error",
      error: 'Prometheus at http://prom:9090/ answered HTTP 200 with no Prometheus API result: "<html>login</html>"',
    });
  });
});
