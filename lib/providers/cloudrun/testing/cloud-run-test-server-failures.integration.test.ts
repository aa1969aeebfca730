// The failures a Cloud Run provider must turn into events a person can act on, as the real client reports
// them: a revision that never becomes ready, IAM refusals, missing resources, quota, stale etags, a reused
// revision name, an operation that fails. Real revision processes; the tests share one service, in order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendRequests } from "@/lib/providers/local/testing/send-requests";
import { byRevision, type SampleServiceFixture, startSampleService } from "./cloud-run-test-fixtures";

let fixture: SampleServiceFixture;

/** The GoogleError a call rejects with (gRPC code, message and the ErrorInfo google-gax decoded). */
async function refusal(
  call: Promise<unknown>,
): Promise<{ code: number; message: string; reason?: string; metadata?: Record<string, string> }> {
  const error = (await call.then(
    () => undefined,
    (e: unknown) => e,
  )) as { code: number; message: string; reason?: string; errorInfoMetadata?: Record<string, string> } | undefined;
  if (!error) throw new Error("the call succeeded");
  return { code: error.code, message: error.message, reason: error.reason, metadata: error.errorInfoMetadata };
}

beforeAll(async () => {
  fixture = await startSampleService({ revisionMode: "process" });
});

afterAll(async () => {
  await fixture?.stop();
});

describe("Cloud Run test server failures, as @google-cloud/run reports them", () => {
  it("a revision that never becomes ready fails the operation with its Ready condition's message; traffic stays", async () => {
    const operation = await fixture.update({
      revision: "sample-bad",
      image: "sample:6.6.6",
      env: [{ name: "CRASH_ON_START", value: "1" }],
      traffic: [byRevision("sample-v1", 100), byRevision("sample-bad", 0, "candidate")],
    });
    const error = await refusal(operation.promise());
    const [revision] = await fixture.clients.revisions.getRevision({ name: `${fixture.name}/revisions/sample-bad` });
    const ready = revision.conditions?.find((c) => c.type === "Ready");
    expect(ready).toMatchObject({ state: "CONDITION_FAILED", revisionReason: "HEALTH_CHECK_CONTAINER_ERROR" });
    expect(ready?.message).toMatch(/^The user-provided container failed to start and listen on the port defined provided by the PORT=\d+/);
    expect(error).toMatchObject({ code: 9, message: `Revision 'sample-bad' is not ready and cannot serve traffic. ${ready?.message}` });
    const service = await fixture.getService();
    expect(service.terminalCondition).toMatchObject({ state: "CONDITION_FAILED", message: error.message });
    expect(service.latestCreatedRevision).toBe(`${fixture.name}/revisions/sample-bad`);
    expect(service.latestReadyRevision).toBe(`${fixture.name}/revisions/sample-v1`);
    expect((await sendRequests({ url: `${service.uri}/health`, count: 20 })).byRevision).toEqual({ "sample-v1": 20 });
  });

  it("a revision failed on demand (faults.failRevision) ends the same way", async () => {
    fixture.server.faults.failRevision("sample-doomed");
    const operation = await fixture.update({ revision: "sample-doomed", image: "sample:1.1.0", traffic: [byRevision("sample-v1", 100)] });
    expect(await refusal(operation.promise())).toMatchObject({
      code: 9,
      message: expect.stringMatching(/^Revision 'sample-doomed' is not ready/),
    });
  });

  it("a permission refusal names the permission: GoogleError code 7", async () => {
    fixture.server.faults.denyPermission("run.services.update", { times: 1 });
    const error = await refusal(fixture.update({ traffic: [byRevision("sample-v1", 100)] }));
    expect(error).toMatchObject({ code: 7, reason: "IAM_PERMISSION_DENIED", metadata: { permission: "run.services.update" } });
    expect(error.message).toContain("Permission 'run.services.update' denied on resource");
    // Only that call: the next one goes through.
    await (await fixture.update({ traffic: [byRevision("sample-v1", 100)] })).promise();
  });

  it("a project the caller has no role in is refused as IAM does, naming the permission", async () => {
    const error = await refusal(
      fixture.clients.services.getService({ name: "projects/someone-else/locations/us-central1/services/sample" }),
    );
    expect(error).toMatchObject({ code: 7, metadata: { permission: "run.services.get" } });
  });

  it("NOT_FOUND is code 5 for a service and a revision", async () => {
    const service = await refusal(fixture.clients.services.getService({ name: `${fixture.clients.parent}/services/missing` }));
    expect(service).toMatchObject({ code: 5, message: expect.stringContaining("Resource 'missing' of kind 'SERVICE'") });
    const revision = await refusal(fixture.clients.revisions.getRevision({ name: `${fixture.name}/revisions/sample-v9` }));
    expect(revision.code).toBe(5);
    expect((await refusal(fixture.update({ traffic: [byRevision("sample-v9", 100)] }))).code).toBe(5);
  });

  it("exhausted quota is code 8 (429 RESOURCE_EXHAUSTED)", async () => {
    fixture.server.faults.exhaustQuota({ method: "getService", times: 1 });
    expect(await refusal(fixture.getService())).toMatchObject({ code: 8, reason: "RATE_LIMIT_EXCEEDED" });
  });

  it("a stale etag is FAILED_PRECONDITION (code 9) and changes nothing", async () => {
    const stale = await fixture.getService();
    await (await fixture.update({ traffic: [byRevision("sample-v1", 100)] })).promise();
    const error = await refusal(
      fixture.clients.services.updateService({ service: { ...stale, traffic: [byRevision("sample-bad", 100)] } }),
    );
    expect(error).toMatchObject({ code: 9, message: expect.stringContaining("does not match the service's current etag") });
    expect((await fixture.getService()).traffic).toEqual([expect.objectContaining({ revision: "sample-v1", percent: 100 })]);
  });

  it("a revision name reused with another configuration is ALREADY_EXISTS (code 6); with the same one it changes nothing", async () => {
    const conflict = await refusal(
      fixture.update({ revision: "sample-v1", image: "sample:9.9.9", traffic: [byRevision("sample-v1", 100)] }),
    );
    expect(conflict).toMatchObject({ code: 6, message: "Revision named 'sample-v1' with different configuration already exists." });
    const before = await fixture.clients.revisions.listRevisions({ parent: fixture.name });
    await (await fixture.update({ revision: "sample-v1", image: "sample:1.0.0", traffic: [byRevision("sample-v1", 100)] })).promise();
    const after = await fixture.clients.revisions.listRevisions({ parent: fixture.name });
    expect(after[0].map((r) => r.name)).toEqual(before[0].map((r) => r.name));
  });

  it("an operation failed on demand ends with its error, and the service's terminal condition reports it", async () => {
    fixture.server.faults.failNextOperation({ message: "Internal error while routing." });
    const error = await refusal((await fixture.update({ traffic: [byRevision("sample-v1", 100)] })).promise());
    expect(error).toMatchObject({ code: 13, message: "Internal error while routing." });
    expect((await fixture.getService()).terminalCondition).toMatchObject({
      state: "CONDITION_FAILED",
      message: "Internal error while routing.",
    });
  });
});
