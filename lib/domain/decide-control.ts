// May this rollout control be used on this deployment now? Answered from the lifecycle's transitions, so the
// API's 409 and the deployment page's disabled button with its tooltip give the same reason.
import type { RolloutStep } from "./plan-rollout";
import { fullTrafficStep } from "./plan-rollout";
import { nextState, stateLabel, type DeploymentKind, type DeploymentState, type LifecycleEvent } from "./rollout-lifecycle";

export const DEPLOYMENT_CONTROLS = ["pause", "resume", "promote", "abort"] as const;
export type DeploymentControl = (typeof DEPLOYMENT_CONTROLS)[number];

export type ControlDecision = { allowed: boolean; reason: string };

export type ControlledDeployment = {
  kind: DeploymentKind;
  state: DeploymentState;
  currentStep: number;
  steps: readonly Pick<RolloutStep, "kind">[] | readonly RolloutStep[];
};

const EVENT_OF: Record<DeploymentControl, LifecycleEvent> = { pause: "pause", resume: "resume", promote: "promote", abort: "abort" };

const WHAT_IT_DOES: Record<DeploymentControl, string> = {
  pause: "Hold the rollout at its current step until someone resumes it.",
  resume: "Go on from where the rollout was held.",
  promote: "Move all traffic to the new revision now, skipping the remaining steps.",
  abort: "Take traffic back to the previous revision and stop the new one.",
};

const ONLY_WHEN: Record<DeploymentControl, string> = {
  pause: "Only a rollout that is moving forward can be paused",
  resume: "Only a paused rollout can be resumed",
  promote: "Only a rollout that is moving forward or paused can be promoted",
  abort: "Only a rollout that has not finished can be aborted",
};

export const ROLLBACK_NOT_CONTROLLED =
  "A rollback is never paused, resumed, promoted or aborted: it takes traffic back at once. If it is stuck, start a newer rollback; it supersedes this one.";

/** Promote jumps to the full-traffic step: only worth it once the revision is verified and before that step. */
function decidePromoteStep(d: ControlledDeployment): ControlDecision | null {
  // During the watch after full traffic, promote ends the watch: the person takes the analysis' place.
  if (d.steps[d.currentStep]?.kind === "watch") return null;
  const full = fullTrafficStep(d.steps as RolloutStep[]);
  if (full < 0 || d.currentStep >= full)
    return { allowed: false, reason: "Nothing to promote: the rollout is at, or moving to, full traffic." };
  const verify = d.steps.findIndex((s) => s.kind === "verify");
  if (d.currentStep <= verify) return { allowed: false, reason: "Not yet: the new revision has not been verified." };
  return null;
}

/** Abort takes traffic back; once the last step retires the old revision there is nothing to take it back to. */
function decideAbortStep(d: ControlledDeployment): ControlDecision | null {
  if (d.steps[d.currentStep]?.kind !== "finalize") return null;
  return {
    allowed: false,
    reason: "Too late to abort: the new revision serves all traffic and the rollout is finishing. Roll back instead.",
  };
}

export function decideControl({
  control,
  deployment: d,
}: {
  control: DeploymentControl;
  deployment: ControlledDeployment;
}): ControlDecision {
  if (d.kind === "rollback") return { allowed: false, reason: ROLLBACK_NOT_CONTROLLED };
  if (!nextState({ from: d.state, event: EVENT_OF[control], kind: d.kind })) {
    return { allowed: false, reason: `${ONLY_WHEN[control]}; this one is ${stateLabel(d.state)}.` };
  }
  const step = control === "promote" ? decidePromoteStep(d) : control === "abort" ? decideAbortStep(d) : null;
  return step ?? { allowed: true, reason: WHAT_IT_DOES[control] };
}

/** Every control with its decision, in the order the page shows them. */
export function decideControls(deployment: ControlledDeployment): { control: DeploymentControl; decision: ControlDecision }[] {
  return DEPLOYMENT_CONTROLS.map((control) => ({ control, decision: decideControl({ control, deployment }) }));
}
