// A Cloud Run target's SLOs from Prometheus with the Cloud Run query flavour: the Cloud Run test server runs
// two real revisions of the target's service (one failing 20 % of its requests, 50/50 behind the service URL)
// and a second service beside it (its requests must not count), a real private Prometheus scrapes the server's run_googleapis_com:* series,
// and client traffic goes to the service URLs. The SLI reader asks with the analysis' Cloud Run templates over
// the target's service (project, region, service name), so the counts, the errors and the latencies the
// clients saw come back — and none of the other service's — through readTargetSli, GET /api/v1/slos' listing
// and the chart series.
import { mkdtemp, rm } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { byRevision } from "@/lib/providers/cloudrun/testing/cloud-run-test-fixtures";
import { type CloudRunTestClients, createCloudRunTestClients } from "@/lib/providers/cloudrun/testing/cloud-run-test-clients";
import { type CloudRunTestServer, startCloudRunTestServer } from "@/lib/providers/cloudrun/testing/start-cloud-run-test-server";
import { groupExists } from "@/lib/providers/local/testing/local-fixtures";
import { type ClientSample, startClientTraffic } from "@/lib/services/rollout/testing/client-traffic";
import { createTarget } from "@/lib/services/rollout/testing/engine-fixtures";
import { getSliSeries } from "@/lib/services/sli/get-sli-series";
import { listSlos } from "@/lib/services/sli/list-slos";
import { loadSliScope } from "@/lib/services/sli/load-sli-scope";
import { readTargetSli } from "@/lib/services/sli/read-target-sli";
import { type OwnPrometheus, startOwnPrometheus } from "@/lib/testing/own-prometheus";
import { waitUntil } from "@/lib/testing/own-redis";
import { metricsSourceConfigSchema, type PrometheusSourceConfig } from "../types";
import { prometheusSliQueries } from "./read-prometheus-target-sli";

const REQUESTS = 400;
let dir: string;
let server: CloudRunTestServer;
let clients: CloudRunTestClients;
let prometheus: OwnPrometheus;
let targetId: string;
let service: string;
let samples: ClientSample[];
let otherRequests: number;

async function createService(serviceId: string, revisions: { name: string; env?: { name: string; value: string }[] }[]) {
  const [created] = await clients.services.createService({
    parent: clients.parent,
    serviceId,
    service: { template: { revision: `${serviceId}-${revisions[0]!.name}`, containers: [{ image: "sample:1.0.0" }] } },
  });
  await created.promise();
  const name = `${clients.parent}/services/${serviceId}`;
  for (const revision of revisions.slice(1)) {
    const [current] = await clients.services.getService({ name });
    const template = {
      ...current.template,
      revision: `${serviceId}-${revision.name}`,
      containers: [{ image: "sample:1.0.1", env: revision.env }],
    };
    const traffic = revisions.map((r) => byRevision(`${serviceId}-${r.name}`, 100 / revisions.length));
    const [updated] = await clients.services.updateService({ service: { ...current, template, traffic } });
    await updated.promise();
  }
  return (await clients.services.getService({ name }))[0].uri!;
}

/** Client traffic to a URL until `count` answers came back; the answers. */
async function sendTraffic(url: string, count: number): Promise<ClientSample[]> {
  const traffic = startClientTraffic({ url, concurrency: 8, pauseMs: 5 });
  await waitUntil(async () => expect(traffic.sent()).toBeGreaterThanOrEqual(count), { timeoutMs: 120_000, what: `${count} answers` });
  await traffic.stop();
  return traffic.samples;
}

const sum = async (query: string) => Number((await prometheus.query(query))[0]?.value[1] ?? 0);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "fd-cloudrun-sli-it-"));
  server = await startCloudRunTestServer({ stateDir: dir, revisionMode: "process" });
  clients = createCloudRunTestClients({ server });
  prometheus = await startOwnPrometheus({ targets: [`127.0.0.1:${server.port}`] });
  const created = await createTarget({ strategy: "canary", cloudRun: { server } });
  [targetId, service] = [created.target.id, created.service.slug];
  const url = await createService(service, [{ name: "stable" }, { name: "cand", env: [{ name: "ERROR_RATE", value: "0.2" }] }]);
  const otherUrl = await createService(`${service}-other`, [{ name: "v1" }]);
  // The exposition creates a series at its first request, and increase() counts from a series' first scrape
  // and extrapolates half a scrape interval at its ends at the series' average rate: a few requests first,
  // scraped, so that the measured ones fall inside the series' lifetime, and that lifetime made long (20 s
  // of 1 s scrapes around the traffic) so that the extrapolation stays within a few percent.
  const warmUp = (await sendTraffic(`${url}/work`, 40)).length;
  const mine = `run_googleapis_com:request_count{service_name="${service}"}`;
  await waitUntil(
    async () => {
      expect(await prometheus.query(mine)).toHaveLength(3); // 2xx of each revision, 5xx of the failing one
      expect(await sum(`sum(${mine})`)).toBe(warmUp);
    },
    { timeoutMs: 20_000, what: "the warm-up's series in Prometheus" },
  );
  await sleep(10_000);
  samples = await sendTraffic(`${url}/work`, REQUESTS);
  otherRequests = (await sendTraffic(`${otherUrl}/work`, 100)).length;
  await waitUntil(
    async () => {
      expect(await sum(`sum(${mine})`)).toBe(warmUp + samples.length);
      expect(await sum(`sum(run_googleapis_com:request_count{service_name="${service}-other"})`)).toBe(otherRequests);
    },
    { timeoutMs: 20_000, what: "Prometheus to scrape every request" },
  );
  await sleep(10_000);
  const metricsSource = { type: "prometheus", url: prometheus.url, flavour: "cloudrun" };
  await db.target.update({ where: { id: targetId }, data: { metricsSource, currentRevision: "cand" } });
}, 240_000);

afterAll(async () => {
  await clients?.close();
  const groups = server?.runningProcessGroups() ?? [];
  await server?.stop();
  expect(groups.filter(groupExists)).toEqual([]);
  await prometheus?.stop();
  await rm(dir, { recursive: true, force: true });
  await disconnectDb();
});

describe("a Cloud Run target's SLI from Prometheus", () => {
  it("asks with the Cloud Run templates over the target's service", async () => {
    const config = metricsSourceConfigSchema.parse({
      type: "prometheus",
      url: prometheus.url,
      flavour: "cloudrun",
    }) as PrometheusSourceConfig;
    const queries = prometheusSliQueries({ config, scope: await loadSliScope(targetId), windowSeconds: 120 });
    const selector = `project_id="${server.projectId}",location="${server.region}",service_name="${service}"`;
    expect(queries.requests).toBe(`sum(increase(run_googleapis_com:request_count{${selector}}[120s]))`);
    expect(Object.values(queries).every((q) => q.includes(`{${selector}`))).toBe(true);
  });

  it("reads the requests, errors and latencies the clients saw, and none of the other service's", async () => {
    const failures = samples.filter((s) => !s.ok).length;
    expect(failures).toBeGreaterThan(20);
    const sli = await readTargetSli({ targetId, windowSeconds: 180, now: new Date() });
    // increase() extrapolates to the window's edges: within 10 % of the counts
    expect(Math.abs(sli!.requests - samples.length)).toBeLessThanOrEqual(samples.length * 0.1);
    expect(Math.abs(sli!.errors - failures)).toBeLessThanOrEqual(failures * 0.15);
    expect(sli!.p95Ms).toBeGreaterThan(0);
    expect(sli!.p99Ms!).toBeGreaterThanOrEqual(sli!.p95Ms!);
    // the test server exports no utilisation distributions: no CPU or memory reading, rather than a made-up one
    expect([sli!.cpu, sli!.memory]).toEqual([null, null]);
  });

  it("is what the SLO listing and the chart show for the target", async () => {
    const { items } = await listSlos({ target: targetId, now: new Date() });
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item!.source).toBe("prometheus");
    expect(item!.error).toBeNull();
    expect(Math.abs(item!.slo!.current.requests - samples.length)).toBeLessThanOrEqual(samples.length * 0.1);
    expect(item!.slo!.current.errors).toBeGreaterThan(0);

    const series = await getSliSeries({ targetId, range: "1h", now: new Date() });
    expect(series.source).toBe("prometheus");
    const served = series.points.filter((p) => p.requests > 0);
    const total = served.reduce((s, p) => s + p.requests, 0);
    // each step's increase() extrapolates on its own: the steps' sum within a quarter of what was sent
    expect(Math.abs(total - samples.length)).toBeLessThanOrEqual(samples.length * 0.25);
    expect(served.some((p) => p.errorRate! > 0)).toBe(true);
  });
});
