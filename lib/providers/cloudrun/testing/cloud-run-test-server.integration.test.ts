// The real @google-cloud/run v2 clients (REST transport, service-account key) against the test server with
// real revision processes: the deploy → tag URL → split → rollback journey of a Cloud Run target, and the
// failures a provider must turn into events. The tests run in order and share one service.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupExists } from "@/lib/providers/local/testing/local-fixtures";
import { sendRequests } from "@/lib/providers/local/testing/send-requests";
import { TrafficType } from "./cloud-run-enums";
import { byRevision, type SampleServiceFixture, startSampleService, versionAt } from "./cloud-run-test-fixtures";

let fixture: SampleServiceFixture;

beforeAll(async () => {
  fixture = await startSampleService({ revisionMode: "process" });
});

afterAll(async () => {
  const groups = await fixture?.stop();
  // stop() leaves no revision process behind.
  expect(groups?.length).toBeGreaterThan(0);
  expect(groups?.filter(groupExists)).toEqual([]);
});

describe("Cloud Run test server, driven by @google-cloud/run", () => {
  it("getService: the first revision is ready and takes all traffic at the service URL", async () => {
    const service = await fixture.getService();
    expect(service.terminalCondition).toMatchObject({ type: "Ready", state: "CONDITION_SUCCEEDED" });
    expect(service.latestReadyRevision).toBe(`${fixture.name}/revisions/sample-v1`);
    expect(service.trafficStatuses).toEqual([expect.objectContaining({ type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST", percent: 100 })]);
    expect(await versionAt(service.uri!)).toEqual({ version: "1.0.0", revision: "sample-v1" });
  });

  it("deploys a new revision with a tag and no traffic: the operation is done once it is Ready, the tag URL reaches it alone", async () => {
    const operation = await fixture.update({
      revision: "sample-v2",
      image: "sample:2.0.0",
      traffic: [byRevision("sample-v1", 100), byRevision("sample-v2", 0, "candidate")],
    });
    expect(operation.done).toBe(false);
    const [service] = await operation.promise();
    expect(service.latestCreatedRevision).toBe(`${fixture.name}/revisions/sample-v2`);
    const [revision] = await fixture.clients.revisions.getRevision({ name: `${fixture.name}/revisions/sample-v2` });
    expect(revision.conditions?.find((c) => c.type === "Ready")).toMatchObject({ state: "CONDITION_SUCCEEDED" });
    const tag = service.trafficStatuses?.find((s) => s.tag === "candidate");
    expect(tag).toMatchObject({ revision: "sample-v2", percent: 0, uri: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    expect(await versionAt(tag!.uri!)).toEqual({ version: "2.0.0", revision: "sample-v2" });
    const load = await sendRequests({ url: `${service.uri}/health`, count: 50 });
    expect(load.byRevision).toEqual({ "sample-v1": 50 });
  });

  it("splits 10/90 at the service URL: 1,000 requests land within 5 points of the split", async () => {
    const [service] = await (
      await fixture.update({ traffic: [byRevision("sample-v1", 90), byRevision("sample-v2", 10, "candidate")] })
    ).promise();
    const load = await sendRequests({ url: `${service.uri}/health`, count: 1000 });
    expect(load.failures).toBe(0);
    expect(Math.abs((load.byRevision["sample-v2"] ?? 0) / 10 - 10)).toBeLessThanOrEqual(5);
    expect(Math.abs((load.byRevision["sample-v1"] ?? 0) / 10 - 90)).toBeLessThanOrEqual(5);
  });

  it("listRevisions: every revision, newest first, each Ready", async () => {
    const [revisions] = await fixture.clients.revisions.listRevisions({ parent: fixture.name });
    expect(revisions.map((r) => r.name?.split("/").pop())).toEqual(["sample-v2", "sample-v1"]);
    expect(revisions.map((r) => r.conditions?.find((c) => c.type === "Ready")?.state)).toEqual([
      "CONDITION_SUCCEEDED",
      "CONDITION_SUCCEEDED",
    ]);
    expect(revisions[0]).toMatchObject({ service: fixture.name, containers: [expect.objectContaining({ image: "sample:2.0.0" })] });
  });

  it("rolls back: all traffic to the earlier revision", async () => {
    const [service] = await (await fixture.update({ traffic: [byRevision("sample-v1", 100)] })).promise();
    expect(service.trafficStatuses).toEqual([expect.objectContaining({ type: TrafficType.REVISION, revision: "sample-v1", percent: 100 })]);
    const load = await sendRequests({ url: `${service.uri}/health`, count: 100 });
    expect(load.byRevision).toEqual({ "sample-v1": 100 });
    // sample-v2 has neither traffic nor a tag now: scaled to zero, as Cloud Run does, its process stopped.
    expect(fixture.server.runningProcessGroups()).toHaveLength(1);
  });

  it("sends traffic back to a revision scaled to zero: it starts again before the operation is done", async () => {
    const [service] = await (await fixture.update({ traffic: [byRevision("sample-v2", 100)] })).promise();
    expect(await versionAt(service.uri!)).toEqual({ version: "2.0.0", revision: "sample-v2" });
    expect(fixture.server.runningProcessGroups()).toHaveLength(1);
  });
});
