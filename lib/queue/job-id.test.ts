import { describe, expect, it } from "vitest";
import { assertJobId, deploymentStepJobId, fromQueueJobId, makeJobId, pingJobId, toQueueJobId } from "./job-id";

describe("job ids", () => {
  it("builds the deterministic ids of STYLE rule 8", () => {
    expect(deploymentStepJobId({ deploymentId: "cm3x9z0001", step: 2 })).toBe("deploy:cm3x9z0001:step:2");
    expect(deploymentStepJobId({ deploymentId: "cm3x9z0001", step: 2 })).toBe(deploymentStepJobId({ deploymentId: "cm3x9z0001", step: 2 }));
    expect(deploymentStepJobId({ deploymentId: "cm3x9z0001", step: 2, generation: 3 })).toBe("deploy:cm3x9z0001:step:2:g:3");
    expect(pingJobId({ nonce: "abc-1" })).toBe("ping:abc-1");
    expect(makeJobId(["reconcile", "env_prod", 7])).toBe("reconcile:env_prod:7");
  });

  it.each([
    ["", "2 to 8"],
    ["deploy", "2 to 8"],
    ["a:b:c:d:e:f:g:h:i", "2 to 8"],
    ["deploy::step", "only letters"],
    ["deploy:a b:step:1", "only letters"],
    ["deploy:a.b:step:1", "only letters"],
    ["123:456", "start with a letter"],
    ["_x:1", "start with a letter"],
  ])("refuses %j (%s)", (id, reason) => {
    expect(() => assertJobId(id)).toThrow(new RegExp(`Invalid job id.*${reason}`));
  });

  it("refuses a negative or fractional step", () => {
    expect(() => deploymentStepJobId({ deploymentId: "d1", step: -1 })).toThrow(/step must be an integer/);
    expect(() => deploymentStepJobId({ deploymentId: "d1", step: 0.5 })).toThrow(/step must be an integer/);
  });

  it("maps to a BullMQ id without ':' and back", () => {
    const id = deploymentStepJobId({ deploymentId: "cm3x9z0001", step: 3 });
    const stored = toQueueJobId(id);
    expect(stored).toBe("deploy.cm3x9z0001.step.3");
    expect(stored).not.toContain(":");
    expect(fromQueueJobId(stored)).toBe(id);
    expect(() => toQueueJobId("not an id")).toThrow(/Invalid job id/);
  });
});
