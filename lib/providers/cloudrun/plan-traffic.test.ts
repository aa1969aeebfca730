import { describe, expect, it } from "vitest";
import { planTraffic, withCandidateTag, withoutTag } from "./plan-traffic";

const REVISION = 2;
const service = {
  latestReadyRevision: "projects/p/locations/r/services/api/revisions/api-v1",
  traffic: [{ type: "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST" as const, percent: 100 }],
};

describe("withCandidateTag", () => {
  it("pins 'latest' to the revision serving now and adds the candidate at 0 % under its tag", () => {
    expect(withCandidateTag({ service, revision: "api-v2", tag: "v2" })).toEqual([
      { type: REVISION, revision: "api-v1", percent: 100 },
      { type: REVISION, revision: "api-v2", percent: 0, tag: "v2" },
    ]);
  });

  it("routes everything to the first revision of a new service", () => {
    expect(withCandidateTag({ service: {}, revision: "api-v1", tag: "v1" })).toEqual([
      { type: REVISION, revision: "api-v1", percent: 100, tag: "v1" },
    ]);
  });

  it("moves a tag another revision held and leaves failed revisions out", () => {
    const current = {
      traffic: [
        { type: REVISION, revision: "api-v1", percent: 100, tag: "cand" },
        { type: REVISION, revision: "api-v3", percent: 0, tag: "v3" },
      ],
    };
    expect(withCandidateTag({ service: current, revision: "api-v4", tag: "cand", failed: new Set(["api-v3"]) })).toEqual([
      { type: REVISION, revision: "api-v1", percent: 100 },
      { type: REVISION, revision: "api-v4", percent: 0, tag: "cand" },
    ]);
  });
});

describe("planTraffic and withoutTag", () => {
  const tagged = {
    traffic: [
      { type: REVISION, revision: "projects/p/locations/r/services/api/revisions/api-v1", percent: 100, tag: "v1" },
      { type: REVISION, revision: "api-v2", percent: 0, tag: "v2" },
    ],
  };

  it("sends the whole split and keeps every tag on its revision", () => {
    expect(planTraffic({ service: tagged, split: { "api-v2": 10, "api-v1": 90 } })).toEqual([
      { type: REVISION, revision: "api-v2", percent: 10, tag: "v2" },
      { type: REVISION, revision: "api-v1", percent: 90, tag: "v1" },
    ]);
    expect(planTraffic({ service: tagged, split: { "api-v2": 100, "api-v1": 0 } })).toEqual([
      { type: REVISION, revision: "api-v2", percent: 100, tag: "v2" },
      { type: REVISION, revision: "api-v1", percent: 0, tag: "v1" },
    ]);
  });

  it("drops a revision's tag and its 0 % entry, nothing else", () => {
    expect(withoutTag({ service: tagged, revision: "api-v2" })).toEqual([{ type: REVISION, revision: "api-v1", percent: 100, tag: "v1" }]);
    expect(withoutTag({ service: tagged, revision: "api-v1" })).toEqual([
      { type: REVISION, revision: "api-v1", percent: 100 },
      { type: REVISION, revision: "api-v2", percent: 0, tag: "v2" },
    ]);
  });
});
