import { describe, expect, it } from "vitest";
import { decideControl, decideControls, DEPLOYMENT_CONTROLS, ROLLBACK_NOT_CONTROLLED, type DeploymentControl } from "./decide-control";
import { planRollout, type RolloutStep } from "./plan-rollout";
import { DEPLOYMENT_STATES, type DeploymentState } from "./rollout-lifecycle";

const plan = (strategy: "canary" | "rolling"): RolloutStep[] => {
  const planned = planRollout({ strategy, canarySteps: [10, 50, 100], stepPauseSeconds: null });
  if (!planned.ok) throw new Error(planned.reason);
  return planned.steps;
};
// start_revision, verify, set 10, pause, set 50, pause, set 100, finalize
const CANARY = plan("canary");
const STATES = Object.keys(DEPLOYMENT_STATES) as DeploymentState[];

// By hand, per control: the states of a deploy it is allowed in (a canary at its first pause, index 3).
const ALLOWED: Record<DeploymentControl, DeploymentState[]> = {
  pause: ["queued", "deploying", "verifying", "stepping"],
  resume: ["paused"],
  promote: ["queued", "deploying", "verifying", "stepping", "paused"],
  abort: ["queued", "waiting_for_window", "deploying", "verifying", "stepping", "paused"],
};

describe("decideControl: every control × state × kind", () => {
  for (const control of DEPLOYMENT_CONTROLS)
    for (const state of STATES) {
      const allowed = ALLOWED[control].includes(state);
      it(`${control} a deploy that is ${state} → ${allowed ? "allowed" : "refused"}`, () => {
        const decision = decideControl({ control, deployment: { kind: "deploy", state, currentStep: 3, steps: CANARY } });
        expect(decision.allowed).toBe(allowed);
        expect(decision.reason).toMatch(allowed ? /\.$/ : new RegExp(`this one is ${state.replaceAll("_", " ")}\\.$`));
      });
      it(`${control} a rollback that is ${state} → refused`, () => {
        const decision = decideControl({ control, deployment: { kind: "rollback", state, currentStep: 3, steps: CANARY } });
        expect(decision).toEqual({ allowed: false, reason: ROLLBACK_NOT_CONTROLLED });
      });
    }
});

describe("promote, by where the rollout is in its plan", () => {
  const promote = (currentStep: number, steps = CANARY, state: DeploymentState = "stepping") =>
    decideControl({ control: "promote", deployment: { kind: "deploy", state, currentStep, steps } });

  it("waits until the new revision is verified", () => {
    expect(promote(0, CANARY, "deploying")).toEqual({ allowed: false, reason: "Not yet: the new revision has not been verified." });
    expect(promote(1, CANARY, "verifying").allowed).toBe(false);
    expect(promote(2).allowed).toBe(true);
  });

  it("is allowed before the full-traffic step, at a promote pause too", () => {
    expect(promote(5, CANARY, "paused")).toEqual({
      allowed: true,
      reason: "Move all traffic to the new revision now, skipping the remaining steps.",
    });
  });

  it("has nothing to do at or after the full-traffic step (where the page and the server used to disagree)", () => {
    const nothing = { allowed: false, reason: "Nothing to promote: the rollout is at, or moving to, full traffic." };
    expect(promote(6)).toEqual(nothing);
    expect(promote(7)).toEqual(nothing);
  });

  it("ends the watch after full traffic, and is allowed nowhere else past full traffic", () => {
    const planned = planRollout({ strategy: "rolling", canarySteps: [100], stepPauseSeconds: null, watchSeconds: 60 });
    const watched = planned.ok ? planned.steps : [];
    expect(watched[4]).toEqual({ kind: "watch", seconds: 60, phase: "watch" });
    expect(promote(4, watched)).toEqual({
      allowed: true,
      reason: "Move all traffic to the new revision now, skipping the remaining steps.",
    });
    expect(promote(3, watched).allowed).toBe(false);
    expect(promote(5, watched).allowed).toBe(false);
  });

  it("has nothing to do for a rolling deploy, which has no step below 100 %", () => {
    const rolling = plan("rolling");
    for (const step of [0, 1, 2, 3]) expect(promote(step, rolling).allowed).toBe(false);
  });
});

describe("abort, by where the rollout is in its plan", () => {
  it("is too late once the last step retires the old revision", () => {
    const at = (currentStep: number, state: DeploymentState = "stepping") =>
      decideControl({ control: "abort", deployment: { kind: "deploy", state, currentStep, steps: CANARY } });
    expect(at(6).allowed).toBe(true);
    // The post-deploy checks (validate) still have the old revision running to go back to.
    expect(at(7).allowed).toBe(true);
    expect(at(8)).toEqual({
      allowed: false,
      reason: "Too late to abort: the new revision serves all traffic and the rollout is finishing. Roll back instead.",
    });
    expect(at(8, "paused").allowed).toBe(false);
  });
});

describe("decideControls", () => {
  it("lists every control with its decision, in the page's order", () => {
    const decisions = decideControls({ kind: "deploy", state: "paused", currentStep: 3, steps: CANARY });
    expect(decisions.map((d) => [d.control, d.decision.allowed])).toEqual([
      ["pause", false],
      ["resume", true],
      ["promote", true],
      ["abort", true],
    ]);
    expect(decisions[0]!.decision.reason).toBe("Only a rollout that is moving forward can be paused; this one is paused.");
  });
});
