// The real @google-cloud/run v2 clients (REST transport, service-account key) against the test server with
// real revision processes: the deploy → tag URL → split → rollback journey of a Cloud Run target, and the
// failures a provider must turn into events. The tests run in order and share one service.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { protos } from "@google-cloud/run";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupExists } from "@/lib/providers/local/testing/local-fixtures";
import { sendRequests } from "@/lib/providers/local/testing/send-requests";
import { TrafficType } from "./cloud-run-enums";
import { type CloudRunTestClients, createCloudRunTestClients } from "./cloud-run-test-clients";
import { type CloudRunTestServer, startCloudRunTestServer } from "./start-cloud-run-test-server";

type Service = protos.google.cloud.run.v2.IService;
type Traffic = protos.google.cloud.run.v2.ITrafficTarget[];

let stateDir: string;
let server: CloudRunTestServer;
let clients: CloudRunTestClients;
let name: string;

const byRevision = (revision: string, percent: number, tag?: string) => ({
  type: TrafficType.REVISION,
  revision,
  percent,
  ...(tag ? { tag } : {}),
});

async function getService(): Promise<Service> {
  const [service] = await clients.services.getService({ name });
  return service;
}

/** updateService as a provider does it: read, change template and/or traffic, send the whole service back. */
async function update({
  revision,
  image,
  env = [],
  traffic,
}: {
  revision?: string;
  image?: string;
  env?: { name: string; value: string }[];
  traffic: Traffic;
}) {
  const current = await getService();
  const template = revision ? { ...current.template, revision, containers: [{ image, env }] } : current.template;
  const [operation] = await clients.services.updateService({ service: { ...current, template, traffic } });
  return operation;
}

async function versionAt(url: string): Promise<{ version: string; revision: string | null }> {
  const response = await fetch(`${url}/health`);
  const body = (await response.json()) as { version: string };
  return { version: body.version, revision: response.headers.get("x-revision") };
}

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), "cloudrun-test-server-"));
  server = await startCloudRunTestServer({ stateDir, revisionMode: "process" });
  clients = createCloudRunTestClients({ server });
  name = `${clients.parent}/services/sample`;
  const [operation] = await clients.services.createService({
    parent: clients.parent,
    serviceId: "sample",
    service: { template: { revision: "sample-v1", containers: [{ image: "sample:1.0.0" }] } },
  });
  await operation.promise();
});

afterAll(async () => {
  await clients?.close();
  const groups = server?.runningProcessGroups() ?? [];
  await server?.stop();
  // stop() leaves no revision process behind.
  expect(groups.filter(groupExists)).toEqual([]);
  await rm(stateDir, { recursive: true, force: true });
});

describe("Cloud Run test server, driven by @google-cloud/run", () => {
  it("getService: the first revision is ready and takes all traffic at the service URL", async () => {
    const service = await getService();
    expect(service.terminalCondition).toMatchObject({ type: "Ready", state: "CONDITION_SUCCEEDED" });
    expect(service.latestReadyRevision).toBe(`${name}/revisions/sample-v1`);
    expect(service.trafficStatuses).toEqual([expect.objectContaining({ type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST", percent: 100 })]);
    expect(await versionAt(service.uri!)).toEqual({ version: "1.0.0", revision: "sample-v1" });
  });

  it("deploys a new revision with a tag and no traffic: the operation is done once it is Ready, the tag URL reaches it alone", async () => {
    const operation = await update({
      revision: "sample-v2",
      image: "sample:2.0.0",
      traffic: [byRevision("sample-v1", 100), byRevision("sample-v2", 0, "candidate")],
    });
    expect(operation.done).toBe(false);
    const [service] = await operation.promise();
    expect(service.latestCreatedRevision).toBe(`${name}/revisions/sample-v2`);
    const [revision] = await clients.revisions.getRevision({ name: `${name}/revisions/sample-v2` });
    expect(revision.conditions?.find((c) => c.type === "Ready")).toMatchObject({ state: "CONDITION_SUCCEEDED" });
    const tag = service.trafficStatuses?.find((s) => s.tag === "candidate");
    expect(tag).toMatchObject({ revision: "sample-v2", percent: 0, uri: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    expect(await versionAt(tag!.uri!)).toEqual({ version: "2.0.0", revision: "sample-v2" });
    const load = await sendRequests({ url: `${service.uri}/health`, count: 50 });
    expect(load.byRevision).toEqual({ "sample-v1": 50 });
  });

  it("splits 10/90 at the service URL: 1,000 requests land within 5 points of the split", async () => {
    const [service] = await (await update({ traffic: [byRevision("sample-v1", 90), byRevision("sample-v2", 10, "candidate")] })).promise();
    const load = await sendRequests({ url: `${service.uri}/health`, count: 1000 });
    expect(load.failures).toBe(0);
    expect(Math.abs((load.byRevision["sample-v2"] ?? 0) / 10 - 10)).toBeLessThanOrEqual(5);
    expect(Math.abs((load.byRevision["sample-v1"] ?? 0) / 10 - 90)).toBeLessThanOrEqual(5);
  });

  it("listRevisions: every revision, newest first, each Ready", async () => {
    const [revisions] = await clients.revisions.listRevisions({ parent: name });
    expect(revisions.map((r) => r.name?.split("/").pop())).toEqual(["sample-v2", "sample-v1"]);
    expect(revisions.map((r) => r.conditions?.find((c) => c.type === "Ready")?.state)).toEqual([
      "CONDITION_SUCCEEDED",
      "CONDITION_SUCCEEDED",
    ]);
    expect(revisions[0]).toMatchObject({ service: name, containers: [expect.objectContaining({ image: "sample:2.0.0" })] });
  });

  it("rolls back: all traffic to the earlier revision", async () => {
    const [service] = await (await update({ traffic: [byRevision("sample-v1", 100)] })).promise();
    expect(service.trafficStatuses).toEqual([expect.objectContaining({ type: TrafficType.REVISION, revision: "sample-v1", percent: 100 })]);
    const load = await sendRequests({ url: `${service.uri}/health`, count: 100 });
    expect(load.byRevision).toEqual({ "sample-v1": 100 });
  });
});
