// One environment of the release page: the release's approvals there and what they add up to, the window
// now, promotion, the readiness checks, whether the caller may approve, its deployments there, and what it
// changes against the release running there now, and the deploy gate's decision for the caller. The same
// evaluateGates and decideFromGates the deploy gate uses.
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { db, type Environment, type Release, type Target } from "@/lib/db";
import { canApprove, type CanApproveDecision } from "@/lib/domain/can-approve";
import { evaluateGates, type GateDecisions } from "../gates/evaluate-gates";
import { loadEnvironmentFacts, type FreezeFact } from "../gates/load-environment-facts";
import type { ReleaseFacts } from "../gates/load-release-facts";
import { toApprovalPolicy } from "../gates/to-policies";
import { toWindowView, type WindowView } from "../gates/to-window-view";
import { describeChanges, type ReleaseChanges } from "./describe-changes";
import { describeDeployGate, type DeployGateView } from "./describe-deploy-gate";
import { toApprovalViews, type ApprovalView } from "./to-approval-views";
import { toEnvironmentPolicyView, type EnvironmentPolicyView } from "./to-environment-policy-view";
import type { ReleaseDeploymentView } from "./to-release-deployment-view";

export type TargetWithCurrent = Target & { currentRelease: Release | null };

export type ReleaseEnvironmentView = {
  environment: EnvironmentPolicyView;
  target: { id: string; requiresBackup: boolean; currentRevision: string | null } | null;
  approvals: ApprovalView[];
  approvalsDecision: GateDecisions["approvals"];
  canApprove: CanApproveDecision;
  window: WindowView;
  freezes: { id: string; startsAt: string; endsAt: string; reason: string }[];
  promotion: GateDecisions["promotion"];
  readiness: GateDecisions["readiness"];
  /** what the caller may do here and why not: the deploy gate's own decision */
  deployGate: DeployGateView;
  deployments: ReleaseDeploymentView[];
  changes: ReleaseChanges;
};

function decideCanApprove({
  principal,
  release,
  environment,
}: {
  principal: Principal;
  release: Release;
  environment: Environment;
}): CanApproveDecision {
  if (!can(principal.role, "release.approve")) return { allowed: false, reason: `Your role (${principal.role}) may not approve releases` };
  return canApprove({ policy: toApprovalPolicy(environment), role: principal.role, isAuthor: release.authorId === principal.userId });
}

const toFreezeView = (f: FreezeFact) => ({
  id: f.id,
  startsAt: f.startsAt.toISOString(),
  endsAt: f.endsAt.toISOString(),
  reason: f.reason,
});

export async function describeReleaseEnvironment(options: {
  principal: Principal;
  release: Release;
  environment: Environment;
  target: TargetWithCurrent | null;
  releaseFacts: ReleaseFacts;
  deployments: ReleaseDeploymentView[];
  now: Date;
}): Promise<ReleaseEnvironmentView> {
  const { release, environment, target, releaseFacts, now } = options;
  const environmentFacts = await loadEnvironmentFacts(db, { release, environment, target, now });
  const gates = evaluateGates({ release, environment, releaseFacts, environmentFacts, now });
  return {
    environment: toEnvironmentPolicyView(environment),
    target: target ? { id: target.id, requiresBackup: target.requiresBackup, currentRevision: target.currentRevision } : null,
    approvals: toApprovalViews(environmentFacts.approvals, gates.approvals),
    approvalsDecision: gates.approvals,
    canApprove: decideCanApprove(options),
    window: toWindowView(gates.window, environment.timezone),
    freezes: environmentFacts.freezes.map(toFreezeView),
    promotion: gates.promotion,
    readiness: gates.readiness,
    deployGate: describeDeployGate({ principal: options.principal, release, environment, target, gates }),
    deployments: options.deployments.filter((d) => d.environmentId === environment.id),
    changes: await describeChanges(db, { release, current: target?.currentRelease ?? null }),
  };
}
