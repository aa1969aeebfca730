import { describe, expect, it } from "vitest";
import { TrafficType } from "./cloud-run-enums";
import { GoogleApiError } from "./google-api-error";
import { planServiceUpdate } from "./plan-service-update";
import { parseServiceBody } from "./service-body-schema";

const container = { image: "sample:1.0.0", env: [{ name: "A", value: "1" }] };
const first = planServiceUpdate({
  serviceId: "api",
  body: parseServiceBody({ template: { revision: "api-v1", containers: [container] } }),
  revisions: new Map(),
  nextIndex: 1,
  suffix: "abc",
});
const revisions = new Map([["api-v1", first.templateKey]]);

function plan(body: unknown) {
  return planServiceUpdate({
    serviceId: "api",
    body: parseServiceBody(body),
    revisions,
    latestCreated: "api-v1",
    nextIndex: 2,
    suffix: "xyz",
  });
}

function refusal(body: unknown): { status: string; message: string } {
  try {
    plan(body);
  } catch (error) {
    if (error instanceof GoogleApiError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error("no refusal");
}

describe("planServiceUpdate", () => {
  it("creates the named revision and sends all traffic to the latest one by default", () => {
    expect(first.newRevision).toBe("api-v1");
    expect(first.traffic).toEqual([{ type: TrafficType.LATEST, percent: 100 }]);
    expect(first.template).toMatchObject({
      revision: "api-v1",
      timeout: "300s",
      containers: [{ image: "sample:1.0.0", ports: [{ containerPort: 8080 }] }],
    });
  });

  it("creates a new revision for a new name, with a tag and traffic unchanged (integers or enum names)", () => {
    const result = plan({
      template: { revision: "api-v2", containers: [{ image: "sample:2.0.0" }] },
      traffic: [
        { type: 2, revision: "api-v1", percent: 100 },
        { type: "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION", revision: "api-v2", percent: 0, tag: "candidate" },
      ],
    });
    expect(result.newRevision).toBe("api-v2");
    expect(result.traffic).toEqual([
      { type: TrafficType.REVISION, revision: "api-v1", percent: 100 },
      { type: TrafficType.REVISION, revision: "api-v2", percent: 0, tag: "candidate" },
    ]);
  });

  it("treats the same name with the same configuration, defaults or empty fields echoed, as no new revision", () => {
    expect(plan({ template: { revision: "api-v1", containers: [container] } }).newRevision).toBeUndefined();
    expect(plan({ template: { ...first.template, labels: {} } }).newRevision).toBeUndefined();
    expect(plan({ template: { containers: [container] } }).newRevision).toBeUndefined();
  });

  it("refuses the same name with another configuration with 409 ALREADY_EXISTS, as Cloud Run does", () => {
    expect(refusal({ template: { revision: "api-v1", containers: [{ image: "sample:9.9.9" }] } })).toEqual({
      status: "ALREADY_EXISTS",
      message: "Revision named 'api-v1' with different configuration already exists.",
    });
  });

  it("names an unnamed new configuration <service>-<index>-<suffix>", () => {
    expect(plan({ template: { containers: [{ image: "sample:3.0.0" }] } }).newRevision).toBe("api-00002-xyz");
  });

  it("refuses bad names, reserved env, splits that do not sum to 100, unknown revisions and repeated tags", () => {
    expect(refusal({ template: { revision: "other-v2", containers: [container] } }).message).toMatch(/beginning with 'api-'/);
    expect(refusal({ template: { containers: [{ image: "x:1", env: [{ name: "PORT", value: "1" }] }] } }).message).toMatch(
      /reserved env names.*PORT/,
    );
    const split = { template: { containers: [container] }, traffic: [{ type: 2, revision: "api-v1", percent: 90 }] };
    expect(refusal(split)).toEqual({ status: "INVALID_ARGUMENT", message: "service.traffic: Traffic targets sum to 90, want 100" });
    expect(refusal({ template: { containers: [container] }, traffic: [{ type: 2, revision: "api-v0", percent: 100 }] }).status).toBe(
      "NOT_FOUND",
    );
    const tags = [
      { type: 2, revision: "api-v1", percent: 100, tag: "a" },
      { type: 1, percent: 0, tag: "a" },
    ];
    expect(refusal({ template: { containers: [container] }, traffic: tags }).message).toMatch(/'a' is used twice/);
    expect(refusal({ template: { containers: [container] }, traffic: [{ type: 7, percent: 100 }] }).message).toMatch(
      /unknown allocation type/,
    );
  });

  it("names the bad field of a malformed body", () => {
    expect(() => parseServiceBody({ template: { containers: [{ image: "" }] } })).toThrow(
      /service\.template\.containers\[0\]\.image: is required/,
    );
  });
});
