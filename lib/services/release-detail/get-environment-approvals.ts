// A release's approvals for one environment and what they add up to, as the approvals routes answer.
import { db, type Environment, type Release } from "@/lib/db";
import { evaluateApprovals, type ApprovalsDecision } from "@/lib/domain/evaluate-approvals";
import { loadEnvironmentFacts } from "../gates/load-environment-facts";
import { toApprovalPolicy } from "../gates/to-policies";
import { toApprovalViews, type ApprovalView } from "./to-approval-views";

export type EnvironmentApprovals = { releaseId: string; environment: string; approvals: ApprovalView[]; decision: ApprovalsDecision };

export async function getEnvironmentApprovals(options: {
  release: Release;
  environment: Environment;
  now: Date;
}): Promise<EnvironmentApprovals> {
  const { release, environment, now } = options;
  const facts = await loadEnvironmentFacts(db, { release, environment, target: null, now });
  const decision = evaluateApprovals({ policy: toApprovalPolicy(environment), release, approvals: facts.approvals, now });
  return { releaseId: release.id, environment: environment.slug, approvals: toApprovalViews(facts.approvals, decision), decision };
}
