// Several instant queries in one request, against a real Prometheus: each part comes back as it would alone
// (a value, NaN as no data, an empty vector, too many series), in one request; a part Prometheus refuses in the
// combined form (a scalar, a parse error) has every part asked on its own, so only the broken one fails and
// says why; an unreachable Prometheus fails every part with one reason, asked once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OwnPrometheus, startOwnPrometheus } from "@/lib/testing/own-prometheus";
import { freePort } from "@/lib/testing/own-redis";
import { combineParts, queryPrometheusParts } from "./query-prometheus-parts";
import { queryPrometheus } from "./query-prometheus";

let prometheus: OwnPrometheus;
const asked: string[] = [];
const counting = ((input: URL, init?: RequestInit) => {
  asked.push(new URL(input).searchParams.get("query")!);
  return fetch(input, init);
}) as typeof fetch;

beforeAll(async () => {
  prometheus = await startOwnPrometheus({ targets: [] });
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
});

const ask = (parts: Record<string, string>, url = prometheus.url) =>
  queryPrometheusParts({ url, parts, time: new Date(), timeoutMs: 2_000, fetchImpl: counting });

describe("queryPrometheusParts", () => {
  it("labels each part and joins them with or", () => {
    expect(combineParts({ a: "sum(x)", "1h/requests": "vector(1) or vector(0)" })).toBe(
      'label_replace(sum(x), "flightdeck_part", "a", "", "") or label_replace(vector(1) or vector(0), "flightdeck_part", "1h/requests", "", "")',
    );
  });

  it("answers every part as it would be answered alone, in one request", async () => {
    const parts = {
      seven: "vector(3) + 4",
      nan: "vector(0) / 0",
      none: 'sum(up{job="no-such-job"})',
      two: 'label_replace(vector(1), "a", "x", "", "") or label_replace(vector(2), "a", "y", "", "")',
      fallback: 'sum(up{job="no-such-job"}) or vector(0)',
    };
    asked.length = 0;
    const together = await ask(parts);
    expect(asked).toHaveLength(1);
    expect(together).toEqual({
      seven: { kind: "value", value: 7 },
      nan: { kind: "empty", why: "the query returned NaN (nothing to divide or rank in the window)" },
      none: { kind: "empty", why: "the query returned an empty vector" },
      two: { kind: "error", error: "the query returned 2 series; it must return one (aggregate with sum or max)" },
      fallback: { kind: "value", value: 0 },
    });
    const alone = Object.fromEntries(
      await Promise.all(
        Object.entries(parts).map(async ([key, query]) => [
          key,
          await queryPrometheus({ url: prometheus.url, query, time: new Date(), timeoutMs: 2_000 }),
        ]),
      ),
    );
    expect(together).toEqual(alone);
  });

  it("asks each part alone when Prometheus refuses the whole, so only the broken part fails", async () => {
    asked.length = 0;
    const results = await ask({ scalar: "scalar(vector(5))", broken: "sum(", fine: "vector(2)" });
    expect(asked).toHaveLength(4);
    expect(results.scalar).toEqual({ kind: "value", value: 5 });
    expect(results.fine).toEqual({ kind: "value", value: 2 });
    expect(results.broken).toMatchObject({ kind: "error", error: expect.stringMatching(/^bad_data: .*\(HTTP 400\)$/) });
    // label_replace takes no scalar: a scalar part alone has the parts asked one by one too
    asked.length = 0;
    expect(await ask({ scalar: "scalar(vector(5))", fine: "vector(2)" })).toEqual({
      scalar: { kind: "value", value: 5 },
      fine: { kind: "value", value: 2 },
    });
    expect(asked).toHaveLength(3);
  });

  it("fails every part with the one reason when Prometheus cannot be reached, asking once", async () => {
    asked.length = 0;
    const url = `http://127.0.0.1:${await freePort()}`;
    const results = await ask({ a: "vector(1)", b: "vector(2)" }, url);
    expect(asked).toHaveLength(1);
    expect(Object.values(results)).toEqual([
      { kind: "error", error: expect.stringMatching(/could not be reached/) },
      { kind: "error", error: expect.stringMatching(/could not be reached/) },
    ]);
  });
});
