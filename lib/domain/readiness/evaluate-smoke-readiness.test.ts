import { describe, expect, it } from "vitest";
import { evaluateSmokeReadiness, type SmokeReadinessInput } from "./evaluate-smoke-readiness";

const environments = [
  { id: "e-staging", slug: "staging" },
  { id: "e-prod", slug: "production" },
];
const input = (over: Partial<SmokeReadinessInput> = {}): SmokeReadinessInput => ({
  hasSuite: true,
  environments,
  targetEnvironmentId: "e-prod",
  latestRunByEnvironment: {},
  ...over,
});

describe("evaluateSmokeReadiness", () => {
  it("passes when the suite last passed on the release in the previous environment", () => {
    expect(
      evaluateSmokeReadiness(input({ latestRunByEnvironment: { "e-staging": { status: "passed", passedCount: 8, total: 8 } } })),
    ).toEqual({
      status: "passed",
      detail: "The smoke suite passed on this release in staging (8/8 checks)",
    });
  });

  it("fails when the last run there failed, even after an earlier pass", () => {
    const decision = evaluateSmokeReadiness(
      input({ latestRunByEnvironment: { "e-staging": { status: "failed", passedCount: 7, total: 8 } } }),
    );
    expect(decision).toEqual({
      status: "failed",
      detail: "The last smoke run of this release in staging failed (7/8 checks); fix it or run it again",
    });
  });

  it("warns when the service has no suite, whatever ran before", () => {
    expect(evaluateSmokeReadiness(input({ hasSuite: false, latestRunByEnvironment: { "e-staging": { status: "passed" } } })).status).toBe(
      "warned",
    );
  });

  it("warns when nothing ran in the previous environment, or the run did not complete", () => {
    expect(evaluateSmokeReadiness(input()).detail).toBe("The smoke suite has not run on this release in staging yet");
    expect(evaluateSmokeReadiness(input()).status).toBe("warned");
    expect(evaluateSmokeReadiness(input({ latestRunByEnvironment: { "e-staging": { status: "error" } } })).status).toBe("warned");
    expect(evaluateSmokeReadiness(input({ latestRunByEnvironment: { "e-staging": { status: "running" } } })).status).toBe("warned");
  });

  it("passes in the first environment (no earlier one), where the suite runs before traffic", () => {
    expect(evaluateSmokeReadiness(input({ targetEnvironmentId: "e-staging" })).status).toBe("passed");
  });

  it("judges only the previous environment's run, not this environment's", () => {
    const decision = evaluateSmokeReadiness(
      input({ latestRunByEnvironment: { "e-prod": { status: "failed" }, "e-staging": { status: "passed" } } }),
    );
    expect(decision.status).toBe("passed");
  });
});
