// Both metrics sources against the same real traffic: a local target running the sample service as three
// revisions (stable with no errors, a candidate with ERROR_RATE=0.2 and 120 ms of added latency, and an
// idle one that gets none), scraped every second by a private Prometheus. What each source measures is
// compared with what the requests themselves saw.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalProvider } from "@/lib/providers/local/local-provider";
import { LATENCY_BOUNDS_MS } from "@/lib/providers/local/request-metrics";
import { shutdownAllLocal } from "@/lib/providers/local/shutdown-all-local";
import { release, sampleTarget, waitForRevision } from "@/lib/providers/local/testing/local-fixtures";
import { type LoadResult, sendRequests } from "@/lib/providers/local/testing/send-requests";
import type { ProviderTarget } from "@/lib/providers/types";
import { type OwnPrometheus, startOwnPrometheus } from "@/lib/testing/own-prometheus";
import { freePort, waitUntil } from "@/lib/testing/own-redis";
import { createMetricsSource } from "./registry";
import type { MetricName, MetricsSource } from "./types";

// Covers everything since Prometheus started: every request of the test is inside the window.
const WINDOW_SECONDS = 120;
const REQUESTS = 800;

let stateDir: string;
let target: ProviderTarget;
let prometheus: OwnPrometheus;
let load: LoadResult;
let now: Date;
const sources: Record<"local" | "prometheus", MetricsSource> = {} as never;

/** What the requests saw of one revision: how many were answered by it, how many failed, their p95 (ms). */
function sent(revision: string) {
  const mine = load.samples.filter((s) => s.revision === revision);
  const latencies = mine.map((s) => s.answeredAt - s.sentAt).sort((a, b) => a - b);
  return { requests: mine.length, failed: mine.filter((s) => !s.ok).length, p95: latencies[Math.ceil(0.95 * latencies.length) - 1]! };
}

const measure = (source: MetricsSource, metric: MetricName, revisions: { candidate: string; stable?: string }) =>
  source.measure({ metric, target: { id: target.id }, revisions, windowSeconds: WINDOW_SECONDS, now });

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), "fd-metrics-it-"));
  const provider = new LocalProvider({ stateDir });
  const metricsPort = await freePort();
  target = sampleTarget({ id: `m-${path.basename(stateDir).slice(-6).toLowerCase()}`, port: await freePort(), metricsPort });
  for (const [name, env] of [
    ["stable", {}],
    ["cand", { ERROR_RATE: "0.2", ADDED_LATENCY_MS: "120" }],
    ["idle", {}],
  ] as const) {
    await provider.startRevision({ target, revision: name, release: release(`1.0.${name.length}`), env });
  }
  prometheus = await startOwnPrometheus({ targets: [`127.0.0.1:${metricsPort}`] });
  await Promise.all(["stable", "cand", "idle"].map((name) => waitForRevision({ provider, target, name })));
  // The series exist at 0 before the first request, so that increase() and rate() count every request.
  await waitUntil(
    async () => expect(await prometheus.query(`flightdeck_proxy_requests_total{target="${target.id}",status_class="5xx"}`)).toHaveLength(3),
    { timeoutMs: 20_000, what: "the revisions' series in Prometheus" },
  );
  const { url } = await provider.setTraffic({ target, weights: { stable: 50, cand: 50 } });
  load = await sendRequests({ url: `${url}/work`, count: REQUESTS, concurrency: 20 });
  // Until Prometheus has scraped the final counts (and the sampler has read the processes a few times).
  await waitUntil(
    async () =>
      expect((await prometheus.query(`sum(flightdeck_proxy_requests_total{target="${target.id}"})`))[0]?.value[1]).toBe(String(REQUESTS)),
    {
      timeoutMs: 20_000,
      what: "Prometheus to scrape every request",
    },
  );
  now = new Date();
  sources.local = createMetricsSource({ type: "local" }, { localStateDir: stateDir });
  sources.prometheus = createMetricsSource({ type: "prometheus", url: prometheus.url });
}, 180_000);

afterAll(async () => {
  await prometheus?.stop();
  await shutdownAllLocal({ stateDir });
  await rm(stateDir, { recursive: true, force: true });
});

describe.each(["local", "prometheus"] as const)("the %s source under real traffic", (name) => {
  it("measures the candidate's error rate at 20 % and the stable's at 0, as the requests saw them", async () => {
    const { candidate, stable } = await measure(sources[name], "error_rate", { candidate: "cand", stable: "stable" });
    const cand = sent("cand");
    console.info(
      `${name} error_rate: candidate ${candidate.value} % of ${candidate.sampleCount}, sent ${cand.failed}/${cand.requests}; query ${candidate.query}`,
    );
    expect(cand.requests).toBeGreaterThan(REQUESTS * 0.4);
    expect(load.failures).toBe(cand.failed);
    // The sample service fails exactly every fifth request, so any run of them is within one request of 20 %.
    // The local counters are the proxy's own: exact. Prometheus' ratio of two rates over the same scrapes
    // loses nothing either; 0.5 points leave room for increase() extrapolating the two series differently.
    const tolerance = name === "local" ? 1e-9 : 0.5;
    expect(Math.abs(candidate.value! - (100 * cand.failed) / cand.requests)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(candidate.value! - 20)).toBeLessThanOrEqual(100 / cand.requests + tolerance);
    expect(stable).toMatchObject({ phase: "ok", value: 0 });
  });

  it("counts the requests behind each value and their rate over the window", async () => {
    const { candidate, stable } = await measure(sources[name], "request_rate", { candidate: "cand", stable: "stable" });
    // increase() extrapolates from the last scrape to the window's end (≤ 1 s of a ~20 s series): ≤ 10 %.
    const tolerance = name === "local" ? 0 : 0.1;
    for (const [m, revision] of [
      [candidate, "cand"],
      [stable!, "stable"],
    ] as const) {
      const { requests } = sent(revision);
      expect(Math.abs(m.sampleCount - requests)).toBeLessThanOrEqual(requests * tolerance);
      expect(Math.abs(m.value! - requests / WINDOW_SECONDS)).toBeLessThanOrEqual((requests / WINDOW_SECONDS) * tolerance + 1e-9);
    }
  });

  it("puts the candidate's p95 where its 120 ms of added latency and the observed latencies put it", async () => {
    const { candidate, stable } = await measure(sources[name], "p95", { candidate: "cand", stable: "stable" });
    // A histogram resolves a quantile to its bucket: at least the (100, 250] bucket's floor, since every
    // candidate request waited 120 ms, and at most the upper bound of the bucket holding the p95 the clients
    // saw (a client sees each request's proxy time plus its own).
    const ceiling = LATENCY_BOUNDS_MS.find((bound) => bound >= sent("cand").p95) ?? Infinity;
    console.info(
      `${name} p95: candidate ${candidate.value} ms (clients saw ${sent("cand").p95.toFixed(1)} ms), stable ${stable!.value} ms`,
    );
    expect(candidate.value!).toBeGreaterThanOrEqual(100);
    expect(candidate.value!).toBeLessThanOrEqual(ceiling);
    expect(stable!.value!).toBeLessThan(candidate.value!);
  });

  it("gives a revision without traffic sampleCount 0 and no value, and still reads its process", async () => {
    const { candidate } = await measure(sources[name], "error_rate", { candidate: "idle" });
    expect(candidate).toMatchObject({ phase: "ok", sampleCount: 0, value: null });
    const memory = (await measure(sources[name], "memory", { candidate: "idle" })).candidate;
    expect(memory.sampleCount).toBeGreaterThan(0);
    expect(memory.value!).toBeGreaterThan(0);
    expect(memory.value!).toBeLessThan(100);
    expect((await measure(sources[name], "health_failures", { candidate: "idle" })).candidate).toMatchObject({ value: 0 });
  });
});

describe("the two sources agree", () => {
  it("on the candidate's error rate and p95", async () => {
    for (const metric of ["error_rate", "p95"] as const) {
      const [local, prom] = await Promise.all([sources.local, sources.prometheus].map((s) => measure(s, metric, { candidate: "cand" })));
      // Same counters, same arithmetic: only increase()'s extrapolation, applied to every series alike, differs.
      expect(Math.abs(prom!.candidate.value! - local!.candidate.value!)).toBeLessThanOrEqual(local!.candidate.value! * 0.02);
    }
  });
});

describe("errors are measurements", () => {
  it("returns bad PromQL as an error measurement carrying the query", async () => {
    const broken = createMetricsSource({
      type: "prometheus",
      url: prometheus.url,
      queries: { error_rate: "sum(rate(flightdeck_proxy_requests_total{{{selector}}}[{{window}}])" },
    });
    const { candidate } = await measure(broken, "error_rate", { candidate: "cand" });
    expect(candidate).toMatchObject({
      phase: "error",
      value: null,
      query: `sum(rate(flightdeck_proxy_requests_total{target="${target.id}",revision="cand"}[120s])`,
    });
    expect(candidate.error).toMatch(/^bad_data: .*parse error/);
  });

  it("returns an unreachable Prometheus and an unknown target as error measurements", async () => {
    const nowhere = createMetricsSource({ type: "prometheus", url: `http://127.0.0.1:${await freePort()}`, timeoutMs: 2_000 });
    expect((await measure(nowhere, "p99", { candidate: "cand" })).candidate).toMatchObject({
      phase: "error",
      error: expect.stringContaining("could not be reached"),
    });
    const lost = await sources.local.measure({
      metric: "p99",
      target: { id: "no-such-target" },
      revisions: { candidate: "cand" },
      windowSeconds: 60,
      now,
    });
    expect(lost.candidate).toMatchObject({ phase: "error", error: "target no-such-target has no local supervisor: nothing runs there" });
  });
});
