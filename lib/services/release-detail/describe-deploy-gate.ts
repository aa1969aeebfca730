// The deploy gate's answer for the release page: what this person may do in one environment (deploy, wait
// for the window, override it), every rule that refuses with its reason, and the exceptions that let a
// deploy through. It is decideFromGates, the decision POST /deployments takes, so the page re-derives nothing.
import type { Principal } from "@/lib/auth/principal";
import type { Environment, Release, Target } from "@/lib/db";
import { decideFromGates, deployPermissionRefusal, type DeployActions, type DeploymentRefusal } from "../decide-deployment";
import type { GateDecisions } from "../gates/evaluate-gates";

export type DeployGateView = {
  actions: DeployActions;
  refusals: DeploymentRefusal[];
  /** exceptions that let the deploy through, said before it goes (a hotfix outside the window, skipping staging) */
  notes: string[];
  /** when the window opens, for a deploy that waits for it */
  opensAt: string | null;
};

const NOTHING: DeployActions = { deploy: false, waitForWindow: false, overrideWindow: false, overrideBudget: false };

export function describeDeployGate(options: {
  principal: Principal;
  release: Release;
  environment: Environment;
  target: Target | null;
  gates: GateDecisions;
}): DeployGateView {
  const { environment, target, gates } = options;
  const opensAt = gates.window.opensAt?.toISOString() ?? null;
  if (!target) {
    const reason = `This service has no target in ${environment.name}; an admin adds one in Settings.`;
    return { actions: NOTHING, refusals: [{ rule: "target", reason }], notes: [], opensAt };
  }
  // As POST /deployments asks: the permission first, then the gate's rules.
  const forbidden = deployPermissionRefusal(options.principal, environment);
  const decision = decideFromGates(options);
  if (forbidden) return { actions: NOTHING, refusals: [forbidden, ...decision.refusals], notes: [], opensAt };
  const notes = [
    gates.window.allowed && gates.window.bypass === "hotfix" ? gates.window.reason : null,
    gates.promotion.allowed && gates.promotion.bypass === "hotfix" ? gates.promotion.reason : null,
    gates.budget.allowed && gates.budget.bypass === "hotfix" ? gates.budget.reason : null,
  ].filter((note): note is string => note !== null);
  return { actions: decision.actions, refusals: decision.refusals, notes, opensAt: decision.waitUntil?.toISOString() ?? opensAt };
}
