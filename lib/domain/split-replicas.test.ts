import { describe, expect, it } from "vitest";
import { splitReplicas } from "./split-replicas";

describe("splitReplicas", () => {
  it("splits ten pods in steps of 10 %", () => {
    expect(splitReplicas({ total: 10, percent: 30 })).toEqual({ candidate: 3, stable: 7, effectivePercent: 30, precisionPercent: 10 });
  });

  it("keeps one pod of each revision for any share strictly between 0 and 100", () => {
    expect(splitReplicas({ total: 4, percent: 5 })).toMatchObject({ candidate: 1, stable: 3, effectivePercent: 25 });
    expect(splitReplicas({ total: 4, percent: 99 })).toMatchObject({ candidate: 3, stable: 1, effectivePercent: 75 });
    expect(splitReplicas({ total: 1, percent: 10 })).toMatchObject({ candidate: 1, stable: 1, effectivePercent: 50 });
  });

  it("puts every pod on one side at 0 and 100", () => {
    expect(splitReplicas({ total: 3, percent: 0 })).toMatchObject({ candidate: 0, stable: 3, effectivePercent: 0 });
    expect(splitReplicas({ total: 3, percent: 100 })).toMatchObject({ candidate: 3, stable: 0, effectivePercent: 100 });
  });
});
