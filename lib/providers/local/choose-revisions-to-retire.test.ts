import { describe, expect, it } from "vitest";
import { chooseRevisionsToRetire, type RetentionCandidate } from "./choose-revisions-to-retire";

const revision = (name: string, overrides: Partial<RetentionCandidate> = {}): RetentionCandidate => ({
  name,
  createdAt: `2026-01-0${name.slice(1)}T00:00:00.000Z`,
  traffic: 0,
  isRunning: true,
  ...overrides,
});

describe("chooseRevisionsToRetire", () => {
  it("keeps the most recently serving idle revisions and retires the older ones", () => {
    const revisions = [
      revision("v1", { lastServedSeq: 1 }),
      revision("v2", { lastServedSeq: 2 }),
      revision("v3", { lastServedSeq: 3 }),
      revision("v4", { lastServedSeq: 4, traffic: 100 }),
    ];
    expect(chooseRevisionsToRetire({ revisions, retain: 2 })).toEqual(["v1"]);
    expect(chooseRevisionsToRetire({ revisions, retain: 0 })).toEqual(["v3", "v2", "v1"]);
  });

  it("orders by last service, not by age: a rolled-back-to revision is the newest history", () => {
    const revisions = [
      revision("v1", { lastServedSeq: 5, traffic: 100 }),
      revision("v2", { lastServedSeq: 5 }),
      revision("v3", { lastServedSeq: 4 }),
    ];
    expect(chooseRevisionsToRetire({ revisions, retain: 1 })).toEqual(["v3"]);
  });

  it("leaves alone revisions that never served, have traffic, or are not running", () => {
    const revisions = [
      revision("v1", { lastServedSeq: 1, isRunning: false }),
      revision("v2"),
      revision("v3", { lastServedSeq: 2, traffic: 10 }),
      revision("v4", { lastServedSeq: 2, traffic: 90 }),
    ];
    expect(chooseRevisionsToRetire({ revisions, retain: 0 })).toEqual([]);
  });

  it("breaks a tie between revisions that lost traffic together by age", () => {
    const revisions = [
      revision("v1", { lastServedSeq: 3 }),
      revision("v2", { lastServedSeq: 3 }),
      revision("v3", { lastServedSeq: 3, traffic: 100 }),
    ];
    expect(chooseRevisionsToRetire({ revisions, retain: 1 })).toEqual(["v1"]);
  });
});
