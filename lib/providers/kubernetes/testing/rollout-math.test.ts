import { describe, expect, it } from "vitest";
import type { Deployment, ReplicaSet } from "./kube-types";
import { maxUnavailable, newReplicaSetReplicas, planOldScaleDown, resolveFenceposts } from "./rollout-math";

function deployment(replicas: number, maxSurge: number | string, maxUnavailableValue: number | string): Deployment {
  return {
    spec: { replicas, strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge, maxUnavailable: maxUnavailableValue } } },
  } as unknown as Deployment;
}

function replicaSet(name: string, replicas: number, available: number, created: string): ReplicaSet {
  return {
    metadata: { name, creationTimestamp: created },
    spec: { replicas },
    status: { replicas, availableReplicas: available },
  } as unknown as ReplicaSet;
}

describe("rolling update arithmetic", () => {
  it("rounds surge up and unavailability down, with at least one unavailable when both are 0", () => {
    expect(resolveFenceposts(deployment(10, "25%", "25%"))).toEqual({ surge: 3, unavailable: 2 });
    expect(resolveFenceposts(deployment(2, "25%", "25%"))).toEqual({ surge: 1, unavailable: 0 });
    expect(resolveFenceposts(deployment(3, 0, "10%"))).toEqual({ surge: 0, unavailable: 1 });
    expect(maxUnavailable(deployment(2, 5, 5))).toBe(2);
  });

  it("grows the new ReplicaSet only within replicas + maxSurge", () => {
    const d = deployment(10, 3, 2);
    const old = replicaSet("old", 10, 10, "2026-01-01T00:00:00Z");
    const fresh = replicaSet("new", 0, 0, "2026-01-02T00:00:00Z");
    expect(newReplicaSetReplicas(d, [old, fresh], fresh)).toBe(3);
    expect(newReplicaSetReplicas(d, [replicaSet("old", 8, 8, "x"), replicaSet("new", 3, 0, "y")], replicaSet("new", 3, 0, "y"))).toBe(5);
  });

  it("scales old sets down only while availability stays at replicas − maxUnavailable, unhealthy replicas first", () => {
    const d = deployment(10, 3, 2);
    const fresh = replicaSet("new", 3, 0, "2026-01-02T00:00:00Z");
    expect([...planOldScaleDown(d, [replicaSet("old", 10, 10, "2026-01-01T00:00:00Z")], fresh)]).toEqual([["old", 8]]);
    // New pods unavailable: 13 − 8 − 3 = 2 may go, and availability allows 10 − 8 = 2.
    expect([...planOldScaleDown(d, [replicaSet("old", 10, 10, "2026-01-01T00:00:00Z")], replicaSet("new", 3, 3, "y"))]).toEqual([
      ["old", 5],
    ]);
    // Two unhealthy old replicas are removed even though availability is already at the minimum.
    expect([...planOldScaleDown(d, [replicaSet("old", 10, 8, "2026-01-01T00:00:00Z")], replicaSet("new", 0, 0, "y"))]).toEqual([
      ["old", 8],
    ]);
  });
});
