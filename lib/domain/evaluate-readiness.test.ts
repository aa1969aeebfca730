// Scores computed by hand from the weights (approvals 25, window 20, promotion 20, smoke suite 15, backup 10,
// no P1 alert 10) with a warning worth half its weight.
import { describe, expect, it } from "vitest";
import { buildReadinessChecks } from "./build-readiness-checks";
import { evaluateReadiness, type ReadinessCheckInput } from "./evaluate-readiness";
import { READINESS_WEIGHTS, WARNING_CREDIT } from "./readiness/readiness-weights";

const allGood = {
  approvals: { satisfied: true, required: 2, reason: "2 approvals required, 2 given" },
  window: { allowed: true, reason: "Open until 16:00 Thu (Europe/Berlin)", bypass: null },
  promotion: { allowed: true, reason: "Succeeded in staging, so it may go to production", bypass: null },
  isProduction: true,
  smoke: { status: "passed" as const, detail: "The smoke suite passed on this release in staging (8/8 checks)" },
  requiresBackup: true,
  backupRecorded: true,
  openP1Alerts: 0,
};
type Facts = Parameters<typeof buildReadinessChecks>[0];
const readiness = (changes: Partial<Facts> = {}) => evaluateReadiness({ checks: buildReadinessChecks({ ...allGood, ...changes }) });
const points = (result: ReturnType<typeof readiness>) => Object.fromEntries(result.checks.map((c) => [c.id, `${c.earned}/${c.weight}`]));
const statuses = (result: ReturnType<typeof readiness>) => Object.fromEntries(result.checks.map((c) => [c.id, c.status]));

const hotfixOutsideWindow = {
  window: { allowed: true, reason: "Hotfix allowed outside the window", bypass: "hotfix" as const },
  promotion: { allowed: true, reason: "Hotfix: may skip staging", bypass: "hotfix" as const },
};

describe("readiness weights", () => {
  it("sum to 100 and a warning earns half", () => {
    expect(Object.values(READINESS_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(WARNING_CREDIT).toBe(0.5);
  });
});

describe("evaluateReadiness", () => {
  it("is ready with every check passed: 100", () => {
    const result = readiness();
    expect(result).toMatchObject({ score: 100, ready: true, reason: "Ready to deploy: 100/100, every check passed" });
    expect(points(result)).toEqual({
      approvals: "25/25",
      window: "20/20",
      promotion: "20/20",
      smoke_suite: "15/15",
      backup: "10/10",
      no_p1_alert: "10/10",
    });
  });

  it("passes the checks that do not apply, at their full weight (no rescaling)", () => {
    const result = readiness({
      approvals: { satisfied: true, required: 0, reason: "No approval required" },
      isProduction: false,
      requiresBackup: false,
      backupRecorded: false,
    });
    expect(statuses(result)).toMatchObject({ approvals: "passed", backup: "passed" });
    expect(points(result)).toMatchObject({ approvals: "25/25", backup: "10/10" });
    expect(result.score).toBe(100);
    expect(result.checks.find((c) => c.id === "backup")?.detail).toBe("This target declares no backup step");
  });

  it("counts a hotfix's window and promotion exceptions as warnings: 100 − 10 − 10 = 80, ready", () => {
    const result = readiness(hotfixOutsideWindow);
    expect(statuses(result)).toMatchObject({ window: "warned", promotion: "warned" });
    expect(points(result)).toMatchObject({ window: "10/20", promotion: "10/20" });
    expect(result).toMatchObject({ score: 80, ready: true });
    expect(result.reason).toBe(
      "Ready to deploy: 80/100, 2 with a warning: Deployment window open — Hotfix allowed outside the window; Promotion order satisfied — Hotfix: may skip staging",
    );
  });

  it("refuses on the score alone when warnings add up: 100 − 12.5 − 10 − 10 = 67.5 < 70, with no failed check", () => {
    const result = readiness({ ...hotfixOutsideWindow, approvals: { satisfied: true, required: 0, reason: "No approval required" } });
    expect(points(result)).toMatchObject({ approvals: "12.5/25", window: "10/20", promotion: "10/20" });
    expect(result.checks.filter((c) => c.status === "failed")).toEqual([]);
    expect(result).toMatchObject({ score: 67.5, ready: false });
    expect(result.reason).toMatch(
      /^Not ready \(67\.5\/100, needs 70\/100 and no failed check\): too many warnings: Approvals present — No approval required, although this is a production environment; /,
    );
  });

  it("is not ready with one failed check even when the score is above 70: 100 − 10 = 90", () => {
    const result = readiness({ openP1Alerts: 2 });
    expect(result).toMatchObject({ score: 90, ready: false });
    expect(result.reason).toBe(
      "Not ready (90/100, needs 70/100 and no failed check): No open P1 alert on the target — 2 open P1 alerts on this target; resolve before deploying",
    );
  });

  it("names every failed check with its detail: 100 − 25 − 20 − 15 − 10 = 30", () => {
    const result = readiness({
      approvals: { satisfied: false, required: 2, reason: "2 approvals required, 1 given" },
      window: { allowed: false, reason: "Closed — opens Mon 10:00 (Europe/Berlin)", bypass: null },
      backupRecorded: false,
      smoke: { status: "failed", detail: "The last smoke run of this release in staging failed (7/8 checks); fix it or run it again" },
    });
    expect(result).toMatchObject({ score: 30, ready: false });
    expect(result.checks.filter((c) => c.status === "failed").map((c) => `${c.id}: ${c.detail}`)).toEqual([
      "approvals: 2 approvals required, 1 given",
      "window: Closed — opens Mon 10:00 (Europe/Berlin)",
      "smoke_suite: The last smoke run of this release in staging failed (7/8 checks); fix it or run it again",
      "backup: This target requires a backup before deploying; record one",
    ]);
    expect(result.reason).toMatch(
      /^Not ready \(30\/100, needs 70\/100 and no failed check\): Approvals present — 2 approvals required, 1 given; /,
    );
  });

  it("scores a mix of passes, warnings and failures: 25 + 10 + 0 + 15 + 10 + 10 = 70, not ready (a failure)", () => {
    const result = readiness({
      window: hotfixOutsideWindow.window,
      promotion: { allowed: false, reason: "Deploy to staging first", bypass: null },
    });
    expect(result).toMatchObject({ score: 70, ready: false });
  });

  it("is ready at exactly 70 with warnings only: approvals, window and smoke suite warned (60 → 30) + 40 passed", () => {
    const status = (id: string) => (["approvals", "window", "smoke_suite"].includes(id) ? "warned" : "passed");
    const checks = Object.keys(READINESS_WEIGHTS).map((id) => ({ id, label: id, status: status(id), detail: "" }) as ReadinessCheckInput);
    expect(evaluateReadiness({ checks })).toMatchObject({ score: 70, ready: true });
    checks[2] = { ...checks[2]!, status: "warned" };
    expect(evaluateReadiness({ checks })).toMatchObject({ score: 60, ready: false });
  });
});
