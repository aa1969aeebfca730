import { describe, expect, it } from "vitest";
import { fullTrafficStep, planRollout, promoteStep } from "./plan-rollout";
import { POST_DEPLOY_VALIDATION } from "./document-defaults";

describe("planRollout", () => {
  it("rolling replaces the revision and retires the old one", () => {
    expect(planRollout({ strategy: "rolling", canarySteps: [], stepPauseSeconds: 60 })).toEqual({
      ok: true,
      steps: [
        { kind: "start_revision" },
        { kind: "verify" },
        { kind: "set_traffic", percent: 100 },
        { kind: "validate" },
        { kind: "finalize", keepPrevious: false },
      ],
    });
  });

  it("blue-green switches all at once and keeps the old revision for instant rollback", () => {
    const plan = planRollout({ strategy: "blue_green", canarySteps: [10, 100], stepPauseSeconds: null });
    expect(plan.ok && plan.steps.at(-1)).toEqual({ kind: "finalize", keepPrevious: true });
    expect(plan.ok && plan.steps.filter((s) => s.kind === "set_traffic")).toEqual([{ kind: "set_traffic", percent: 100 }]);
  });

  it("canary pauses for analysis after each step below 100 %", () => {
    const plan = planRollout({ strategy: "canary", canarySteps: [10, 50, 100], stepPauseSeconds: 30 });
    expect(plan).toEqual({
      ok: true,
      steps: [
        { kind: "start_revision" },
        { kind: "verify" },
        { kind: "set_traffic", percent: 10 },
        { kind: "pause", seconds: 30 },
        { kind: "set_traffic", percent: 50 },
        { kind: "pause", seconds: 30 },
        { kind: "set_traffic", percent: 100 },
        { kind: "validate" },
        { kind: "finalize", keepPrevious: false },
      ],
    });
    expect(plan.ok && fullTrafficStep(plan.steps)).toBe(6);
  });

  it("takes configurable steps and manual pauses", () => {
    const plan = planRollout({ strategy: "canary", canarySteps: [10, 25, 50, 100], stepPauseSeconds: null });
    expect(plan.ok && plan.steps.filter((s) => s.kind === "pause")).toEqual([
      { kind: "pause", seconds: null },
      { kind: "pause", seconds: null },
      { kind: "pause", seconds: null },
    ]);
  });

  it.each([
    [[], /at least one/],
    [[10, 50], /last canary step must be 100/],
    [[50, 10, 100], /must increase/],
    [[0, 100], /from 1 to 100/],
    [[10.5, 100], /whole percentages/],
  ])("refuses canary steps %j", (steps, reason) => {
    const plan = planRollout({ strategy: "canary", canarySteps: steps, stepPauseSeconds: 10 });
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.reason).toMatch(reason);
  });
});

describe("post-deploy validation", () => {
  it("follows full traffic in every strategy, before the previous revision is retired", () => {
    for (const strategy of ["rolling", "blue_green", "canary"] as const) {
      const plan = planRollout({ strategy, canarySteps: [10, 100], stepPauseSeconds: 5 });
      if (!plan.ok) throw new Error(plan.reason);
      const full = fullTrafficStep(plan.steps);
      expect(plan.steps.slice(full + 1).map((s) => s.kind)).toEqual(["validate", "finalize"]);
    }
  });

  it("defaults to the documents' 6 health checks over 30 s", () => {
    expect(POST_DEPLOY_VALIDATION).toEqual({ checks: 6, overSeconds: 30 });
  });
  it("watches after full traffic, before the replaced revision is retired, when a watch is asked for", () => {
    const canary = planRollout({ strategy: "canary", canarySteps: [50, 100], stepPauseSeconds: 30, watchSeconds: 120 });
    expect(canary.ok && canary.steps.slice(-4)).toEqual([
      { kind: "set_traffic", percent: 100 },
      { kind: "validate" },
      { kind: "watch", seconds: 120, phase: "watch" },
      { kind: "finalize", keepPrevious: false },
    ]);
    const blueGreen = planRollout({ strategy: "blue_green", canarySteps: [], stepPauseSeconds: null, watchSeconds: 60 });
    expect(blueGreen.ok && blueGreen.steps.slice(-2)).toEqual([
      { kind: "watch", seconds: 60, phase: "blue_green_switch" },
      { kind: "finalize", keepPrevious: true },
    ]);
    const rolling = planRollout({ strategy: "rolling", canarySteps: [], stepPauseSeconds: null, watchSeconds: 0 });
    expect(rolling.ok && rolling.steps.map((s) => s.kind)).not.toContain("watch");
  });

  it("promotes to full traffic, or past the watch when it is watching", () => {
    const plan = planRollout({ strategy: "canary", canarySteps: [10, 100], stepPauseSeconds: 30, watchSeconds: 60 });
    const steps = plan.ok ? plan.steps : [];
    expect(steps.map((s) => s.kind)).toEqual([
      "start_revision",
      "verify",
      "set_traffic",
      "pause",
      "set_traffic",
      "validate",
      "watch",
      "finalize",
    ]);
    expect(promoteStep(steps, 3)).toBe(4);
    expect(promoteStep(steps, 6)).toBe(7);
  });
});
