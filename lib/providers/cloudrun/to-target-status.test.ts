import { describe, expect, it } from "vitest";
import { tagFor } from "./cloud-run-names";
import { toTargetStatus } from "./to-target-status";

const base = "projects/p/locations/r/services/api";
type State = "CONDITION_FAILED" | "CONDITION_SUCCEEDED" | "CONDITION_RECONCILING";
const revision = (id: string, state: State, extra: object = {}) => ({
  name: `${base}/revisions/${id}`,
  containers: [{ image: `sample:1.0.0@sha256:abc` }],
  conditions: [{ type: "Ready", state, message: state === "CONDITION_FAILED" ? "container failed to listen" : "" }],
  createTime: { seconds: 1_700_000_000, nanos: 500_000_000 },
  ...extra,
});

describe("toTargetStatus", () => {
  it("reads traffic from trafficStatuses ('latest' included), tag URLs, readiness and the release annotations", () => {
    const status = toTargetStatus({
      serviceId: "api",
      service: {
        uri: "https://api-x.run.app",
        latestReadyRevision: `${base}/revisions/api-v1`,
        trafficStatuses: [
          { type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST" as const, percent: 90 },
          {
            type: "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION",
            revision: "api-v2",
            percent: 10,
            tag: "v2",
            uri: "https://v2---api-x.run.app",
          },
        ],
      },
      revisions: [
        revision("api-v3", "CONDITION_FAILED"),
        revision("api-v2", "CONDITION_SUCCEEDED", {
          annotations: { "flightdeck.dev/version": "2.0.0", "flightdeck.dev/image": "sample:2.0.0", "flightdeck.dev/digest": "sha256:def" },
        }),
        revision("api-v1", "CONDITION_RECONCILING"),
      ],
    });
    expect(status.url).toBe("https://api-x.run.app");
    expect(status.revisions).toEqual([
      expect.objectContaining({
        name: "v3",
        state: "exited",
        ready: false,
        healthy: false,
        reason: "container failed to listen",
        traffic: 0,
      }),
      expect.objectContaining({
        name: "v2",
        version: "2.0.0",
        image: "sample:2.0.0",
        digest: "sha256:def",
        state: "running",
        ready: true,
        traffic: 10,
        url: "https://v2---api-x.run.app",
      }),
      expect.objectContaining({
        name: "v1",
        version: "1.0.0",
        image: "sample:1.0.0",
        digest: "sha256:abc",
        state: "starting",
        ready: false,
        healthy: true,
        traffic: 90,
        url: null,
        createdAt: "2023-11-14T22:13:20.500Z",
      }),
    ]);
  });

  it("keeps a tag within Cloud Run's 46 characters, ending in the name's unique tail", () => {
    expect(tagFor("shop-prod-abc")).toBe("shop-prod-abc");
    const long = `${"a".repeat(30)}-production-0123456789ab`;
    expect(tagFor(long)).toHaveLength(46);
    expect(tagFor(long).endsWith("0123456789ab")).toBe(true);
  });
});
