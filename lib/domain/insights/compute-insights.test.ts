import { describe, expect, it } from "vitest";
import { computeInsights } from "./compute-insights";
import type { InsightDeployment } from "./insight-types";

// Times are minutes after 2026-11-01T00:00Z, so every expected figure can be checked by hand.
const T0 = Date.UTC(2026, 10, 1);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const from = at(0);
const to = at(7 * 24 * 60); // a 7-day range

let serial = 0;
function deployment(fields: Partial<InsightDeployment> & { finished?: number; started?: number; created?: number }): InsightDeployment {
  serial += 1;
  const { finished, started, created, ...rest } = fields;
  const createdAt = at(created ?? (started ?? finished ?? 0) - 1);
  return {
    id: `d${serial}`,
    targetId: "prod-api",
    kind: "deploy",
    state: "succeeded",
    revision: `rev-${serial}`,
    replacesRevision: null,
    rollbackOfId: null,
    createdAt,
    startedAt: started === undefined ? createdAt : at(started),
    finishedAt: finished === undefined ? null : at(finished),
    firstErrorAt: null,
    committedAt: null,
    ...rest,
  };
}

describe("computeInsights", () => {
  it("says nothing is known when there are no deployments, instead of zero or 100 %", () => {
    const insights = computeInsights({ deployments: [], from, to });
    expect(insights.deploymentFrequency).toEqual({ count: 0, perDay: 0, deploymentIds: [] });
    expect(insights.leadTime).toEqual({ medianSeconds: null, count: 0, withoutCommitTime: 0, deploymentIds: [] });
    expect(insights.changeFailureRate).toMatchObject({ rate: null, failures: 0, total: 0 });
    expect(insights.timeToRestore).toEqual({ medianSeconds: null, restored: 0, notRestored: 0, failures: [] });
  });

  it("counts successful deploys finished in the range, per day, and the median commit-to-success time", () => {
    const a = deployment({ finished: 100, committedAt: at(40) }); // 60 min
    const b = deployment({ finished: 200, committedAt: at(80) }); // 120 min
    const c = deployment({ finished: 300, committedAt: at(60) }); // 240 min
    const d = deployment({ finished: 400 }); // no commit time: a deploy, but no lead time
    const before = deployment({ finished: -10, committedAt: at(-100) }); // finished before the range
    const after = deployment({ finished: 7 * 24 * 60 + 5 }); // after it
    const insights = computeInsights({ deployments: [a, b, c, d, before, after], from, to });
    expect(insights.deploymentFrequency).toEqual({ count: 4, perDay: 4 / 7, deploymentIds: [a.id, b.id, c.id, d.id] });
    expect(insights.leadTime).toEqual({ medianSeconds: 120 * 60, count: 3, withoutCommitTime: 1, deploymentIds: [a.id, b.id, c.id] });
    expect(insights.changeFailureRate).toMatchObject({ rate: 0, failures: 0, total: 4 });
  });

  it("takes the mean of the two middle lead times for an even count", () => {
    const a = deployment({ finished: 100, committedAt: at(90) }); // 10 min
    const b = deployment({ finished: 200, committedAt: at(170) }); // 30 min
    expect(computeInsights({ deployments: [a, b], from, to }).leadTime.medianSeconds).toBe(20 * 60);
  });

  it("in a range with only failures: a 100 % failure rate, no deployments, and each restore timed", () => {
    const good = deployment({ finished: -60, revision: "rev-good" }); // before the range: serving when they failed
    // reverted by the analysis: failed at its error (minute 50), healthy again when the revert finished (58)
    const reverted = deployment({ started: 40, finished: 58, state: "rolled_back", firstErrorAt: at(50), replacesRevision: "rev-good" });
    // failed with nothing to take back to at 120; nothing succeeds on the target afterwards
    const failed = deployment({ started: 110, finished: 121, state: "failed", firstErrorAt: at(120) });
    const fix = deployment({ started: 140, finished: 150, state: "rolled_back", firstErrorAt: at(145) });
    const insights = computeInsights({ deployments: [good, reverted, failed, fix], from, to });
    expect(insights.deploymentFrequency.count).toBe(0);
    expect(insights.changeFailureRate).toMatchObject({ rate: 1, failures: 3, total: 3, failureIds: [reverted.id, failed.id, fix.id] });
    expect(insights.timeToRestore.failures).toEqual([
      {
        deploymentId: reverted.id,
        cause: "reverted",
        failedAt: at(50),
        restoredAt: at(58),
        restoredById: reverted.id,
        restoreSeconds: 8 * 60,
      },
      // "fix" was itself reverted, so it is not a success: the failed one has not been restored
      { deploymentId: failed.id, cause: "failed", failedAt: at(120), restoredAt: null, restoredById: null, restoreSeconds: null },
      { deploymentId: fix.id, cause: "reverted", failedAt: at(145), restoredAt: at(150), restoredById: fix.id, restoreSeconds: 5 * 60 },
    ]);
    // median of 8 and 5 minutes
    expect(insights.timeToRestore).toMatchObject({ medianSeconds: 6.5 * 60, restored: 2, notRestored: 1 });
  });

  it("ties a rollback to the successful deploy it undid, even when the rollback comes after the range", () => {
    const old = deployment({ finished: -60, revision: "rev-1" });
    const bad = deployment({ finished: 7 * 24 * 60 - 10, revision: "rev-2" });
    const rollback = deployment({
      kind: "rollback",
      created: 7 * 24 * 60 + 20,
      finished: 7 * 24 * 60 + 21,
      revision: "rev-1",
      replacesRevision: "rev-2",
    });
    const insights = computeInsights({ deployments: [old, bad, rollback], from, to });
    // still a deployment that happened, and a failed change
    expect(insights.deploymentFrequency.deploymentIds).toEqual([bad.id]);
    expect(insights.changeFailureRate).toMatchObject({ rate: 1, failures: 1, total: 1, failureIds: [bad.id] });
    expect(insights.timeToRestore.failures).toEqual([
      {
        deploymentId: bad.id,
        cause: "rolled_back_after_success",
        failedAt: rollback.createdAt,
        restoredAt: rollback.finishedAt,
        restoredById: rollback.id,
        restoreSeconds: 60,
      },
    ]);
  });

  it("does not blame an earlier deploy for a rollback of a later one, nor a deploy for a rollback on another target", () => {
    const first = deployment({ finished: 100, revision: "rev-1" });
    const second = deployment({ finished: 200, revision: "rev-2" });
    const rollback = deployment({ kind: "rollback", created: 300, finished: 301, revision: "rev-1", replacesRevision: "rev-2" });
    const elsewhere = deployment({ targetId: "prod-web", finished: 150, revision: "rev-2" });
    const insights = computeInsights({ deployments: [first, second, rollback, elsewhere], from, to });
    expect(insights.changeFailureRate).toMatchObject({ failures: 1, total: 3, failureIds: [second.id] });
    expect(insights.changeFailureRate.rate).toBeCloseTo(1 / 3, 12);
  });

  it("counts a deploy pre-empted by a rollback as failed, and leaves a person's abort and a never-started deploy out", () => {
    const running = deployment({ started: 100, finished: 110, state: "aborted" });
    const rollback = deployment({
      kind: "rollback",
      created: 110,
      finished: 112,
      rollbackOfId: running.id,
      replacesRevision: running.revision,
    });
    const aborted = deployment({ started: 200, finished: 210, state: "aborted" });
    const refused = deployment({ created: 290, finished: 300, state: "failed", startedAt: null });
    const ok = deployment({ finished: 400 });
    const insights = computeInsights({ deployments: [running, rollback, aborted, refused, ok], from, to });
    expect(insights.changeFailureRate).toMatchObject({
      rate: 0.5,
      failures: 1,
      total: 2,
      failureIds: [running.id],
      countedIds: [running.id, ok.id],
      notCounted: { aborted: 1, neverStarted: 1 },
    });
    expect(insights.timeToRestore.failures[0]).toMatchObject({
      cause: "rollback_preempted",
      restoredById: rollback.id,
      restoreSeconds: 120,
    });
  });

  it("restores a failure with nothing to take back to at the next success on its target", () => {
    const failed = deployment({ started: 10, finished: 20, state: "failed", firstErrorAt: at(15) });
    const fix = deployment({ started: 30, finished: 45 });
    const insights = computeInsights({ deployments: [failed, fix], from, to });
    expect(insights.timeToRestore.failures).toEqual([
      { deploymentId: failed.id, cause: "failed", failedAt: at(15), restoredAt: at(45), restoredById: fix.id, restoreSeconds: 30 * 60 },
    ]);
    expect(insights.changeFailureRate).toMatchObject({ rate: 0.5, failures: 1, total: 2 });
  });

  it("restores a pre-empted deploy at the newer rollback that superseded a stuck one", () => {
    const running = deployment({ started: 100, finished: 110, state: "aborted" });
    const stuck = deployment({ kind: "rollback", created: 110, finished: 115, state: "aborted", rollbackOfId: running.id });
    const newer = deployment({ kind: "rollback", created: 115, finished: 118, rollbackOfId: running.id });
    const insights = computeInsights({ deployments: [running, stuck, newer], from, to });
    expect(insights.timeToRestore.failures).toEqual([
      {
        deploymentId: running.id,
        cause: "rollback_preempted",
        failedAt: at(110),
        restoredAt: at(118),
        restoredById: newer.id,
        restoreSeconds: 8 * 60,
      },
    ]);
  });

  it("keeps a failure that was never restored open, out of the median", () => {
    const failed = deployment({ started: 10, finished: 20, state: "failed", firstErrorAt: at(15) });
    const insights = computeInsights({ deployments: [failed], from, to });
    expect(insights.timeToRestore).toEqual({
      medianSeconds: null,
      restored: 0,
      notRestored: 1,
      failures: [
        { deploymentId: failed.id, cause: "failed", failedAt: at(15), restoredAt: null, restoredById: null, restoreSeconds: null },
      ],
    });
  });

  it("leaves a deploy still running out of every figure", () => {
    const running = deployment({ started: 10, state: "stepping" });
    const insights = computeInsights({ deployments: [running], from, to });
    expect(insights.changeFailureRate.total).toBe(0);
    expect(insights.deploymentFrequency.count).toBe(0);
  });
});
