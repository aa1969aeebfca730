// Every gate a deploy of a release to an environment passes, decided by the lib/domain functions from the
// facts the services loaded. The release page and the deploy gate call this one function, so what the page
// shows is exactly what POST /deployments decides.
import type { Environment, Release } from "@/lib/db";
import { buildReadinessChecks } from "@/lib/domain/build-readiness-checks";
import { evaluateApprovals, type ApprovalsDecision } from "@/lib/domain/evaluate-approvals";
import { evaluatePromotion, type PromotionDecision } from "@/lib/domain/evaluate-promotion";
import { evaluateReadiness, type ReadinessDecision } from "@/lib/domain/evaluate-readiness";
import { evaluateWindow, type WindowDecision } from "@/lib/domain/evaluate-window";
import { evaluateBudgetFreeze, type BudgetFreezeDecision } from "@/lib/domain/slo/evaluate-budget-freeze";
import { evaluateSmokeReadiness } from "@/lib/domain/readiness/evaluate-smoke-readiness";
import type { EnvironmentFacts } from "./load-environment-facts";
import type { ReleaseFacts } from "./load-release-facts";
import { toApprovalPolicy, toWindowPolicy } from "./to-policies";

export type GateDecisions = {
  window: WindowDecision;
  approvals: ApprovalsDecision;
  promotion: PromotionDecision;
  readiness: ReadinessDecision;
  /** the environment's error-budget freeze (lib/domain/slo/evaluate-budget-freeze.ts) */
  budget: BudgetFreezeDecision;
};

export function evaluateGates(options: {
  release: Pick<Release, "authorId" | "digest" | "hotfix">;
  environment: Environment;
  releaseFacts: ReleaseFacts;
  environmentFacts: EnvironmentFacts;
  now: Date;
  overrideReason?: string | null;
}): GateDecisions {
  const { release, environment, releaseFacts, environmentFacts: facts, now } = options;
  const window = evaluateWindow({
    policy: toWindowPolicy(environment, facts.freezes),
    now,
    kind: "deploy",
    hotfix: release.hotfix,
    overrideReason: options.overrideReason,
  });
  const approvals = evaluateApprovals({ policy: toApprovalPolicy(environment), release, approvals: facts.approvals, now });
  const promotion = evaluatePromotion({
    environments: releaseFacts.environments,
    targetEnvironmentId: environment.id,
    hotfix: release.hotfix,
    succeededEnvironmentIds: releaseFacts.succeededEnvironmentIds,
  });
  const smoke = evaluateSmokeReadiness({
    hasSuite: releaseFacts.smoke.hasSuite,
    environments: releaseFacts.environments,
    targetEnvironmentId: environment.id,
    latestRunByEnvironment: releaseFacts.smoke.latestRunByEnvironment,
  });
  const { requiresBackup, backupRecorded, openP1Alerts } = facts;
  const isProduction = environment.isProduction;
  const checks = buildReadinessChecks({
    approvals,
    window,
    promotion,
    isProduction,
    smoke,
    requiresBackup,
    backupRecorded,
    openP1Alerts,
  });
  const budget = evaluateBudgetFreeze({
    enabled: environment.budgetFreeze,
    budget: facts.budget?.budget ?? null,
    recoversAt: facts.budget?.recoversAt ?? null,
    kind: "deploy",
    hotfix: release.hotfix,
    overrideReason: options.overrideReason,
  });
  return { window, approvals, promotion, readiness: evaluateReadiness({ checks }), budget };
}
