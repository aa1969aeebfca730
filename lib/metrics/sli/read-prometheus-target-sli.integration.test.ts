// With Prometheus configured, a target's SLO is read from it rather than from Flightdeck's rollups: a real
// Prometheus scrapes a local target's supervisor (two revisions, one failing 20 % of its requests), and the
// whole target's requests, errors, p95/p99, CPU and memory over the window come back from PromQL within
// increase()'s extrapolation of what the clients saw; readTargetSli picks this path from the metrics source;
// an unreachable Prometheus rejects with why.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { LocalProvider } from "@/lib/providers/local/local-provider";
import { shutdownAllLocal } from "@/lib/providers/local/shutdown-all-local";
import { release, sampleTarget, waitForRevision } from "@/lib/providers/local/testing/local-fixtures";
import { type LoadResult, sendRequests } from "@/lib/providers/local/testing/send-requests";
import { getSliSeries } from "@/lib/services/sli/get-sli-series";
import { readTargetSli } from "@/lib/services/sli/read-target-sli";
import { createTarget } from "@/lib/services/rollout/testing/engine-fixtures";
import { type OwnPrometheus, startOwnPrometheus } from "@/lib/testing/own-prometheus";
import { freePort, waitUntil } from "@/lib/testing/own-redis";
import { metricsSourceConfigSchema, type PrometheusSourceConfig } from "../types";
import { queryPrometheus } from "../prometheus/query-prometheus";
import { prometheusSliQueries, readPrometheusTargetSli, readPrometheusTargetSlis, targetSelector } from "./read-prometheus-target-sli";

const REQUESTS = 600;
let stateDir: string;
let targetId: string;
let prometheus: OwnPrometheus;
let load: LoadResult;
let config: PrometheusSourceConfig;
/** The last scrape's time: a window ending there has no edge for increase() to extrapolate to. */
let scrapedAt: Date;

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), "fd-prom-sli-it-"));
  targetId = (await createTarget({ strategy: "canary" })).target.id;
  const provider = new LocalProvider({ stateDir });
  const metricsPort = await freePort();
  const target = sampleTarget({ id: targetId, port: await freePort(), metricsPort });
  for (const [name, env] of [
    ["stable", {}],
    ["cand", { ERROR_RATE: "0.2" }],
  ] as const) {
    await provider.startRevision({ target, revision: name, release: release(`1.0.${name.length}`), env });
  }
  prometheus = await startOwnPrometheus({ targets: [`127.0.0.1:${metricsPort}`] });
  await Promise.all(["stable", "cand"].map((name) => waitForRevision({ provider, target, name })));
  await waitUntil(
    async () => expect(await prometheus.query(`flightdeck_proxy_requests_total{target="${targetId}",status_class="5xx"}`)).toHaveLength(2),
    { timeoutMs: 20_000, what: "the revisions' series in Prometheus" },
  );
  const { url } = await provider.setTraffic({ target, weights: { stable: 50, cand: 50 } });
  load = await sendRequests({ url: `${url}/work`, count: REQUESTS, concurrency: 20 });
  await waitUntil(
    async () =>
      expect((await prometheus.query(`sum(flightdeck_proxy_requests_total{target="${targetId}"})`))[0]?.value[1]).toBe(String(REQUESTS)),
    { timeoutMs: 20_000, what: "Prometheus to scrape every request" },
  );
  const [last] = await prometheus.query(`max(timestamp(flightdeck_proxy_requests_total{target="${targetId}"}))`);
  scrapedAt = new Date(Number(last!.value[1]) * 1000);
  config = metricsSourceConfigSchema.parse({ type: "prometheus", url: prometheus.url }) as PrometheusSourceConfig;
  await db.target.update({ where: { id: targetId }, data: { metricsSource: { type: "prometheus", url: prometheus.url } } });
}, 180_000);

afterAll(async () => {
  await prometheus?.stop();
  await shutdownAllLocal({ stateDir });
  await rm(stateDir, { recursive: true, force: true });
  await disconnectDb();
});

describe("readPrometheusTargetSli", () => {
  it("takes the revision matcher out of the selector to read the whole target", () => {
    expect(targetSelector()).toBe('target="{{target}}"');
    expect(targetSelector('job="api", version="{{revision}}", env="prod"')).toBe('job="api", env="prod"');
    expect(targetSelector('revision_name=~".+-{{revision}}",job="api"')).toBe('job="api"');
  });

  it("reads the whole target's SLI over the window from real scrapes", async () => {
    const sli = await readPrometheusTargetSli({ config, scope: { targetId }, windowSeconds: 120, now: scrapedAt });
    // The window ends at the last scrape and its series start at zero, so increase() extrapolates little if at
    // all; within 10 % of the counts, as the metrics test allows
    expect(Math.abs(sli!.requests - REQUESTS)).toBeLessThanOrEqual(REQUESTS * 0.1);
    expect(load.failures).toBeGreaterThan(30);
    expect(Math.abs(sli!.errors - load.failures)).toBeLessThanOrEqual(load.failures * 0.1);
    expect(sli!.p95Ms).toBeGreaterThan(0);
    expect(sli!.p99Ms!).toBeGreaterThanOrEqual(sli!.p95Ms!);
    expect(sli!.memory!).toBeGreaterThan(0);
    expect(sli!.memory!).toBeLessThan(100);
  });

  it("asks every part of a window in one request, the counts alone when asked (a budget or burn-rate window)", async () => {
    const now = scrapedAt;
    const asked: string[] = [];
    const fetchImpl = ((input: URL, init?: RequestInit) => {
      asked.push(new URL(input).searchParams.get("query")!);
      return fetch(input, init);
    }) as typeof fetch;
    const full = await readPrometheusTargetSli({ config, scope: { targetId }, windowSeconds: 120, now, fetchImpl });
    expect(asked).toHaveLength(1);
    expect(asked[0]!.match(/label_replace\(/g)).toHaveLength(6);
    const counts = await readPrometheusTargetSli({ config, scope: { targetId }, windowSeconds: 120, now, countsOnly: true, fetchImpl });
    expect(asked).toHaveLength(2);
    expect(asked[1]!.match(/label_replace\(/g)).toHaveLength(2);
    expect(counts).toEqual({ requests: full!.requests, errors: full!.errors, p95Ms: null, p99Ms: null, cpu: null, memory: null });
    // and the same numbers as the queries asked one by one
    const queries = prometheusSliQueries({ config, scope: { targetId }, windowSeconds: 120 });
    const alone = await queryPrometheus({ url: config.url, query: queries.requests, time: now, timeoutMs: 5_000 });
    expect(alone).toEqual({ kind: "value", value: expect.closeTo(full!.requests, 0) });
  });

  it("reads several windows in one request", async () => {
    const asked: string[] = [];
    const fetchImpl = ((input: URL, init?: RequestInit) => {
      asked.push(new URL(input).searchParams.get("query")!);
      return fetch(input, init);
    }) as typeof fetch;
    const windows = await readPrometheusTargetSlis({
      config,
      scope: { targetId },
      windows: { short: { windowSeconds: 120 }, long: { windowSeconds: 600, countsOnly: true } },
      now: scrapedAt,
      fetchImpl,
    });
    expect(asked).toHaveLength(1);
    const one = await readPrometheusTargetSli({ config, scope: { targetId }, windowSeconds: 120, now: scrapedAt });
    expect(windows.short).toEqual(one);
    // both windows hold all the traffic; only the short one was asked for latencies and resources
    expect(one!.p95Ms).toBeGreaterThan(0);
    expect(windows.long).toEqual({ requests: one!.requests, errors: one!.errors, p95Ms: null, p99Ms: null, cpu: null, memory: null });
  });

  it("is what readTargetSli returns for a Prometheus target, and null before any traffic", async () => {
    const via = await readTargetSli({ targetId, windowSeconds: 120, now: scrapedAt });
    expect(Math.abs(via!.requests - REQUESTS)).toBeLessThanOrEqual(REQUESTS * 0.1);
    expect(
      await readPrometheusTargetSli({ config, scope: { targetId: "no-such-target" }, windowSeconds: 120, now: new Date() }),
    ).toBeNull();
  });

  it("charts the last hour per minute from range queries, the requests where they were sent", async () => {
    const series = await getSliSeries({ targetId, range: "1h", now: new Date() });
    expect(series).toMatchObject({ source: "prometheus", stepSeconds: 60 });
    expect(series.points.length).toBeGreaterThanOrEqual(59);
    const served = series.points.filter((p) => p.requests > 0);
    expect(served.length).toBeGreaterThan(0);
    // each step's increase() extrapolates on its own: the steps' sum within a quarter of what was sent
    const total = served.reduce((sum, p) => sum + p.requests, 0);
    expect(Math.abs(total - REQUESTS)).toBeLessThanOrEqual(REQUESTS * 0.25);
    expect(served.some((p) => p.errorRate! > 0)).toBe(true);
    expect(series.points.filter((p) => p.requests === 0).every((p) => p.availability === null && p.p95 === null)).toBe(true);
  });

  it("rejects, saying why, when Prometheus cannot be reached", async () => {
    const unreachable = { ...config, url: `http://127.0.0.1:${await freePort()}`, timeoutMs: 1000 };
    await expect(
      readPrometheusTargetSli({ config: unreachable, scope: { targetId }, windowSeconds: 120, now: new Date() }),
    ).rejects.toThrow(/requests \(120 s window\): Prometheus at .* could not be reached/);
  });
});
