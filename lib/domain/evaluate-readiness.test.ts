import { describe, expect, it } from "vitest";
import { buildReadinessChecks } from "./build-readiness-checks";
import { evaluateReadiness } from "./evaluate-readiness";
import { READINESS_WEIGHTS, scaleWeights } from "./readiness/readiness-weights";

const allGood = {
  approvals: { satisfied: true, required: 2, reason: "2 approvals required, 2 given" },
  window: { allowed: true, reason: "Open until 16:00 Thu (Europe/Berlin)" },
  promotion: { allowed: true, reason: "Succeeded in staging, so it may go to production" },
  smokeSuiteSize: 8,
  requiresBackup: true,
  backupRecorded: true,
  openP1Alerts: 0,
};
const readiness = (changes: Partial<typeof allGood> = {}) =>
  evaluateReadiness({ checks: buildReadinessChecks({ ...allGood, ...changes }) });
const weightsOf = (result: ReturnType<typeof readiness>) => Object.fromEntries(result.checks.map((c) => [c.id, c.weight]));

describe("readiness weights", () => {
  it("sum to 100 as defined", () => {
    expect(Object.values(READINESS_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("are rescaled to whole numbers summing to 100", () => {
    expect(scaleWeights([20, 20, 15, 10])).toEqual([31, 31, 23, 15]);
    expect(scaleWeights([25, 20, 20, 15, 10])).toEqual([28, 22, 22, 17, 11]);
    expect(scaleWeights([1, 1, 1])).toEqual([34, 33, 33]);
    expect(scaleWeights([])).toEqual([]);
  });
});

describe("evaluateReadiness", () => {
  it("is ready with every check passed", () => {
    const result = readiness();
    expect(result).toMatchObject({ score: 100, ready: true, reason: "Ready to deploy: 100/100, all 6 applicable checks passed" });
    expect(weightsOf(result)).toEqual({ approvals: 25, window: 20, promotion: 20, smoke_suite: 15, backup: 10, no_p1_alert: 10 });
    expect(result.checks.map((c) => c.earned)).toEqual([25, 20, 20, 15, 10, 10]);
  });

  it("marks the backup not applicable for targets without a backup step and rescales the rest", () => {
    const result = readiness({ requiresBackup: false, backupRecorded: false });
    expect(result.checks.find((c) => c.id === "backup")).toEqual({
      id: "backup",
      label: "Backup recorded",
      status: "not_applicable",
      detail: "This target declares no backup step",
      weight: 0,
      earned: 0,
    });
    expect(weightsOf(result)).toEqual({ approvals: 28, window: 22, promotion: 22, smoke_suite: 17, backup: 0, no_p1_alert: 11 });
    expect(result).toMatchObject({ score: 100, ready: true, reason: "Ready to deploy: 100/100, all 5 applicable checks passed" });
  });

  it("treats an environment without approvals (staging) as not applicable, not as passed", () => {
    const result = readiness({
      approvals: { satisfied: true, required: 0, reason: "No approval required for this environment" },
      requiresBackup: false,
    });
    expect(weightsOf(result)).toEqual({ approvals: 0, window: 31, promotion: 31, smoke_suite: 23, backup: 0, no_p1_alert: 15 });
    expect(result.score).toBe(100);
  });

  it("is not ready with one failed check even when the score is above 70", () => {
    const result = readiness({ openP1Alerts: 2 });
    expect(result).toMatchObject({ score: 90, ready: false });
    expect(result.reason).toBe(
      "Not ready (90/100, needs 70/100 and no failed check): No open P1 alert on the target — 2 open P1 alerts on this target; resolve before deploying",
    );
  });

  it("names every failed check with its detail", () => {
    const result = readiness({
      approvals: { satisfied: false, required: 2, reason: "2 approvals required, 1 given" },
      window: { allowed: false, reason: "Closed — opens Mon 10:00 (Europe/Berlin)" },
      backupRecorded: false,
      smokeSuiteSize: 0,
    });
    expect(result.score).toBe(30);
    expect(result.ready).toBe(false);
    expect(result.checks.filter((c) => c.status === "failed").map((c) => `${c.id}: ${c.detail}`)).toEqual([
      "approvals: 2 approvals required, 1 given",
      "window: Closed — opens Mon 10:00 (Europe/Berlin)",
      "smoke_suite: No smoke checks configured for this service; add the smoke suite",
      "backup: This target requires a backup before deploying; record one",
    ]);
    expect(result.reason).toMatch(
      /^Not ready \(30\/100, needs 70\/100 and no failed check\): Approvals present — 2 approvals required, 1 given; /,
    );
  });

  it("counts a refused promotion as failed", () => {
    const result = readiness({
      promotion: { allowed: false, reason: "Deploy this release to staging and let it succeed there before production" },
    });
    expect(result).toMatchObject({ score: 80, ready: false });
  });

  it("scores 100 when no check applies", () => {
    expect(evaluateReadiness({ checks: [] })).toEqual({
      score: 100,
      ready: true,
      checks: [],
      reason: "Ready to deploy: 100/100, all 0 applicable checks passed",
    });
  });
});
