import { describe, expect, it } from "vitest";
import { decideRolloutStatus } from "./kube-rollout-status";

const done = {
  generation: 3,
  specReplicas: 2,
  status: { observedGeneration: 3, replicas: 2, updatedReplicas: 2, availableReplicas: 2, conditions: [] },
};

describe("decideRolloutStatus", () => {
  it("is complete once every replica is updated and available and no old one is left", () => {
    expect(decideRolloutStatus({ name: "web", deployment: done })).toEqual({
      phase: "complete",
      reason: 'deployment "web" successfully rolled out',
    });
  });

  it("waits for the controller to observe the new generation first", () => {
    expect(decideRolloutStatus({ name: "web", deployment: { ...done, generation: 4 } }).phase).toBe("progressing");
  });

  it("says what it waits for, in kubectl's words", () => {
    const at = (status: object) =>
      decideRolloutStatus({ name: "web", deployment: { ...done, status: { ...done.status, ...status } } }).reason;
    expect(at({ updatedReplicas: 1 })).toContain("1 out of 2 new replicas have been updated");
    expect(at({ replicas: 3 })).toContain("1 old replicas are pending termination");
    expect(at({ availableReplicas: 1 })).toContain("1 of 2 updated replicas are available");
  });

  it("fails when the Progressing condition says the deadline passed", () => {
    const conditions = [
      {
        type: "Progressing",
        status: "False",
        reason: "ProgressDeadlineExceeded",
        message: 'ReplicaSet "web-1" has timed out progressing.',
      },
    ];
    const decision = decideRolloutStatus({
      name: "web",
      deployment: { ...done, status: { ...done.status, updatedReplicas: 1, conditions } },
    });
    expect(decision).toEqual({
      phase: "failed",
      reason: 'deployment "web" exceeded its progress deadline: ReplicaSet "web-1" has timed out progressing.',
    });
  });
});
