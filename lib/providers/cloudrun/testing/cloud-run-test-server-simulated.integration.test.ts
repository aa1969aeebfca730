// Simulated mode, for benchmarks: no process runs, revisions become ready after a delay, and the service and
// tag URLs answer for them (with the version from the image tag), still split by percent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendRequests } from "@/lib/providers/local/testing/send-requests";
import { byRevision, type SampleServiceFixture, startSampleService, versionAt } from "./cloud-run-test-fixtures";

let fixture: SampleServiceFixture;

beforeAll(async () => {
  fixture = await startSampleService({ revisionMode: "simulated" });
});

afterAll(async () => {
  await fixture?.stop();
});

describe("Cloud Run test server in simulated mode", () => {
  it("deploys, tags and splits without starting a process", async () => {
    const operation = await fixture.update({
      revision: "sample-v2",
      image: "registry.example:5000/team/sample:2.0.0",
      traffic: [byRevision("sample-v1", 50), byRevision("sample-v2", 50, "candidate")],
    });
    const [service] = await operation.promise();
    expect(fixture.server.runningProcessGroups()).toEqual([]);
    const tag = service.trafficStatuses?.find((s) => s.tag === "candidate");
    expect(await versionAt(tag!.uri!)).toEqual({ version: "2.0.0", revision: "sample-v2" });
    const load = await sendRequests({ url: `${service.uri}/work`, count: 200 });
    expect(load.byRevision).toEqual({ "sample-v1": 100, "sample-v2": 100 });
  });

  it("fails a revision whose env says CRASH_ON_START, as process mode would", async () => {
    const operation = await fixture.update({
      revision: "sample-v3",
      image: "sample:3.0.0",
      env: [{ name: "CRASH_ON_START", value: "1" }],
      traffic: [byRevision("sample-v1", 100)],
    });
    await expect(operation.promise()).rejects.toMatchObject({
      code: 9,
      message: expect.stringMatching(/^Revision 'sample-v3' is not ready/),
    });
  });

  it("deletes an idle revision but refuses one that serves traffic, then deletes the service", async () => {
    const { revisions, services } = fixture.clients;
    await expect(revisions.deleteRevision({ name: `${fixture.name}/revisions/sample-v1` })).rejects.toMatchObject({ code: 9 });
    const [removal] = await revisions.deleteRevision({ name: `${fixture.name}/revisions/sample-v2` });
    await removal.promise();
    const [left] = await revisions.listRevisions({ parent: fixture.name });
    expect(left.map((r) => r.name?.split("/").pop())).toEqual(["sample-v3", "sample-v1"]);
    const [deletion] = await services.deleteService({ name: fixture.name });
    const [deleted] = await deletion.promise();
    expect(deleted.name).toBe(fixture.name);
    await expect(services.getService({ name: fixture.name })).rejects.toMatchObject({ code: 5 });
  });
});
