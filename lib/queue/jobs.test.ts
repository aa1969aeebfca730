import { describe, expect, it } from "vitest";
import { InvalidPayloadError, isJobName, JOB_NAMES, parsePayload, queueNameFor } from "./jobs";

describe("job payload schemas", () => {
  it("accepts a deployment step and a ping", () => {
    expect(parsePayload({ name: "deployment.step", data: { deploymentId: "ckabc123", step: 0, generation: 2 }, stage: "enqueue" })).toEqual(
      { deploymentId: "ckabc123", step: 0, generation: 2 },
    );
    const ping = { sentAt: "2026-11-22T10:00:00.000Z", nonce: "n-1" };
    expect(parsePayload({ name: "system.ping", data: ping, stage: "pickup" })).toEqual(ping);
  });

  it.each([
    [{ deploymentId: "d1", step: -1, generation: 0 }, "step"],
    [{ deploymentId: "d1", step: 1.5, generation: 0 }, "step"],
    [{ deploymentId: "d1", step: "1", generation: 0 }, "step"],
    [{ deploymentId: "", step: 1, generation: 0 }, "deploymentId"],
    [{ step: 1, generation: 0 }, "deploymentId"],
    [{ deploymentId: "d1", step: 1 }, "generation"],
    [{ deploymentId: "d1", step: 1, generation: -1 }, "generation"],
    [{ deploymentId: "d1", step: 1, generation: 0, extra: true }, "(payload)"],
  ])("rejects the deployment step %j, naming %s", (data, field) => {
    const parse = () => parsePayload({ name: "deployment.step", data, stage: "enqueue" });
    expect(parse).toThrow(InvalidPayloadError);
    expect(parse).toThrow(new RegExp(`^Invalid deployment\\.step payload at enqueue: .*${field.replace(/[()]/g, "\\$&")}`));
  });

  it.each([
    { sentAt: "yesterday", nonce: "n" },
    { sentAt: "2026-11-22T10:00:00Z", nonce: "" },
    { sentAt: "2026-11-22T10:00:00Z" },
    null,
    "ping",
  ])("rejects the ping %j at pickup", (data) => {
    expect(() => parsePayload({ name: "system.ping", data, stage: "pickup" })).toThrow(/^Invalid system\.ping payload at pickup/);
  });

  it("lists its fields on the error", () => {
    try {
      parsePayload({ name: "system.ping", data: { sentAt: 5, nonce: "x" }, stage: "pickup" });
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidPayloadError).fields).toEqual([{ path: "sentAt", message: expect.any(String) }]);
    }
  });

  it("accepts a notification without the webhook URL, and refuses an unknown event", () => {
    const data = { environmentId: "env1", event: "approved", text: "Rita approved svc 1.2.0 for Production" };
    expect(parsePayload({ name: "notification.send", data, stage: "pickup" })).toEqual({ ...data, fields: {} });
    expect(() => parsePayload({ name: "notification.send", data: { ...data, url: "https://hooks.example" }, stage: "enqueue" })).toThrow(
      InvalidPayloadError,
    );
    expect(() => parsePayload({ name: "notification.send", data: { ...data, event: "deployed" }, stage: "enqueue" })).toThrow(/event/);
  });

  it("knows its job names and uses them as queue names BullMQ accepts", () => {
    expect(JOB_NAMES).toEqual(["deployment.step", "notification.send", "smoke.run", "system.ping"]);
    expect(isJobName("system.ping")).toBe(true);
    expect(isJobName("toString")).toBe(false);
    for (const name of JOB_NAMES) expect(queueNameFor(name)).not.toContain(":");
  });
});
