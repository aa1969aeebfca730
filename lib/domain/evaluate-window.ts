// May a deployment start now, as far as the environment's deployment windows are concerned? The rules of
// DESIGN.md: rollbacks are never held; a freeze (deny) beats an allow window; a hotfix may deploy outside
// the allow windows (not in a freeze) and opens a post-hoc review; a written override reason opens any
// closed or frozen window and opens a review. Who may override is a permission, checked by the caller.
import { describeWindowState } from "./describe-window-state";
import { findNextChanges } from "./window/find-next-changes";
import { findPolicyProblem } from "./window/find-policy-problem";
import { MIN_OVERRIDE_REASON_LENGTH, type Freeze, type WindowPolicy, type WindowState } from "./window/window-types";

export type { AllowWindow, Freeze, WindowPolicy, WindowState } from "./window/window-types";
export { MIN_OVERRIDE_REASON_LENGTH, WINDOW_HORIZON_DAYS } from "./window/window-types";

export type WindowBypass = "rollback" | "hotfix" | "override";

export type WindowDecision = {
  allowed: boolean;
  state: WindowState;
  /** the rule that allowed or refused, in words a person can act on */
  reason: string;
  nextChange: Date | null;
  opensAt: Date | null;
  closesAt: Date | null;
  bypass: WindowBypass | null;
  /** a post-hoc review must be opened when this deployment goes ahead */
  opensReview: boolean;
  /** the freeze in force now, if any */
  freeze: Freeze | null;
  evaluatedAt: Date;
};

export type EvaluateWindowOptions = {
  policy: WindowPolicy;
  now: Date;
  kind: "deploy" | "rollback";
  hotfix: boolean;
  overrideReason?: string | null;
};

export function evaluateWindow(options: EvaluateWindowOptions): WindowDecision {
  const { policy, now } = options;
  const problem = findPolicyProblem(policy);
  if (problem) {
    const reason = `The window policy cannot be evaluated: ${problem}. An admin must correct the environment's window policy.`;
    const refused = { allowed: false, state: "closed" as const, reason, nextChange: null, opensAt: null, closesAt: null };
    const decision = decideBypass(options, { ...refused, bypass: null, opensReview: false, freeze: null, evaluatedAt: now });
    return decision.allowed ? decision : { ...decision, reason };
  }
  const changes = findNextChanges({ policy, now });
  const base: WindowDecision = {
    allowed: changes.current.state === "open",
    state: changes.current.state,
    reason: "",
    nextChange: changes.nextChange,
    opensAt: changes.opensAt,
    closesAt: changes.closesAt,
    bypass: null,
    opensReview: false,
    freeze: changes.current.freeze,
    evaluatedAt: now,
  };
  base.reason = describeWindowState(base, policy.timezone);
  return base.allowed && options.kind === "deploy" ? base : decideBypass(options, base);
}

/** Applies the exceptions, in order of precedence, to a window that is not open (and marks every rollback). */
function decideBypass(options: EvaluateWindowOptions, refused: WindowDecision): WindowDecision {
  const { kind, hotfix, policy } = options;
  const state = refused.reason.replace(/\.$/, "");
  if (kind === "rollback") {
    return { ...refused, allowed: true, bypass: "rollback", reason: `Rollbacks are never held by windows or freezes (${state}).` };
  }
  const overrideReason = options.overrideReason?.trim() ?? "";
  if (hotfix && policy.hotfixAnyTime && refused.state === "closed") {
    const reason = `Hotfix allowed outside the window (${state}); approval is still required and a post-hoc review will be opened.`;
    return { ...refused, allowed: true, bypass: "hotfix", opensReview: true, reason };
  }
  if (overrideReason.length >= MIN_OVERRIDE_REASON_LENGTH) {
    const reason = `Window overridden with a written reason (${state}); a post-hoc review will be opened.`;
    return { ...refused, allowed: true, bypass: "override", opensReview: true, reason };
  }
  if (overrideReason) {
    const reason = `An override needs a written reason of at least ${MIN_OVERRIDE_REASON_LENGTH} characters explaining why this cannot wait (got ${overrideReason.length}). ${state}.`;
    return { ...refused, reason };
  }
  return { ...refused, reason: `${state}. ${whatToDo(refused.state, hotfix)}` };
}

function whatToDo(state: WindowState, hotfix: boolean): string {
  const override = "a release manager may override it with a written reason";
  if (state === "frozen") {
    return hotfix ? `Hotfixes do not bypass a freeze; ${override}.` : `Only rollbacks may deploy during a freeze; ${override}.`;
  }
  return `Deploy when it opens, queue the deploy to wait for it, or ask a release manager to override it with a written reason.`;
}
