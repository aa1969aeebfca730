// The deploy gate: may this person deploy this release to this environment now, and if not, what may they
// do (wait for the window, override it)? POST /api/v1/deployments asks it before it claims a target, and the
// release page shows its answer (decideFromGates, on the gates the page evaluated). Each rule that refuses
// is named once, with the reason from its decision; readiness only adds the checks no other rule already
// reported, or its score. Rollbacks never come here.
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { now as clockNow } from "@/lib/clock";
import { db, type Environment, type Prisma, type PrismaClient, type Release, type Target } from "@/lib/db";
import type { ApprovalsDecision } from "@/lib/domain/evaluate-approvals";
import type { PromotionDecision } from "@/lib/domain/evaluate-promotion";
import type { ReadinessDecision } from "@/lib/domain/evaluate-readiness";
import type { WindowDecision } from "@/lib/domain/evaluate-window";
import type { BudgetFreezeDecision } from "@/lib/domain/slo/evaluate-budget-freeze";
import { evaluateGates, type GateDecisions } from "./gates/evaluate-gates";
import { loadEnvironmentFacts } from "./gates/load-environment-facts";
import { loadReleaseFacts } from "./gates/load-release-facts";

export { openReviewForDeployment } from "./open-review-for-deployment";

/** target: the service has no target in the environment (the release page says so; the API answers 422). */
export type RefusalRule =
  "target" | "deploy_permission" | "window" | "approvals" | "promotion" | "readiness" | "override_permission" | "budget_freeze";
export type DeploymentRefusal = { rule: RefusalRule; reason: string };
export type ReviewToOpen = { reason: "hotfix" | "window_override" | "budget_override"; detail: string };

/** What the person may do now: deploy, queue the deploy until the window opens, override the window or the budget freeze. */
export type DeployActions = { deploy: boolean; waitForWindow: boolean; overrideWindow: boolean; overrideBudget: boolean };

export type DeploymentDecision = {
  allowed: boolean;
  refusals: DeploymentRefusal[];
  actions: DeployActions;
  /** the post-hoc review to open when the deployment goes ahead (null when refused or none is due) */
  opensReview: ReviewToOpen | null;
  window: WindowDecision;
  readiness: ReadinessDecision;
  approvals: ApprovalsDecision;
  promotion: PromotionDecision;
  budget: BudgetFreezeDecision;
  /** when only the window refuses: when it opens, for a deploy that waits queued for it */
  waitUntil: Date | null;
};

export type DecideDeploymentOptions = {
  principal: Principal;
  release: Release;
  environment: Environment;
  target: Target;
  overrideReason?: string | null;
  /** defaults to lib/clock's now() */
  now?: Date;
  /** a transaction to read in; defaults to the shared client */
  client?: PrismaClient | Prisma.TransactionClient;
};

// The checks of the rules reported on their own; readiness reports the rest.
const RULE_CHECKS = new Set(["window", "approvals", "promotion"]);

/**
 * The permission deploying to `environment` needs, and the refusal when the person lacks it. Asked before the
 * gate's rules (POST /deployments answers 403 with it; the release page lists it first and offers nothing).
 */
export function deployPermissionRefusal(principal: Principal, environment: Environment): DeploymentRefusal | null {
  const permission = environment.isProduction ? "deploy.production" : "deploy.nonproduction";
  if (can(principal.role, permission)) return null;
  const reason = `Your role (${principal.role}) may not deploy to ${environment.name}: it needs the "${permission}" permission.`;
  return { rule: "deploy_permission", reason };
}

export async function decideDeployment(options: DecideDeploymentOptions): Promise<DeploymentDecision> {
  const { principal, release, environment, target, client = db } = options;
  const now = options.now ?? (await clockNow());
  const overrideReason = options.overrideReason?.trim() || null;
  const [releaseFacts, environmentFacts] = await Promise.all([
    loadReleaseFacts(client, release),
    loadEnvironmentFacts(client, { release, environment, target, now }),
  ]);
  const mayOverride = can(principal.role, "window.override");
  const override = mayOverride ? overrideReason : null;
  const gates = evaluateGates({ release, environment, releaseFacts, environmentFacts, now, overrideReason: override });
  return decideFromGates({ principal, release, environment, gates, overrideReason });
}

/** The decision on gates already evaluated (with the override reason, when the person may override). */
export function decideFromGates(options: {
  principal: Principal;
  release: Release;
  environment: Environment;
  gates: GateDecisions;
  overrideReason?: string | null;
}): DeploymentDecision {
  const { principal, release, environment, gates } = options;
  const overrideReason = options.overrideReason?.trim() || null;
  const mayOverride = can(principal.role, "window.override");
  const refusals = listRefusals({ gates, overrideRefused: Boolean(overrideReason) && !mayOverride, role: principal.role });
  const allowed = refusals.length === 0;
  const onlyWindow = refusals.length > 0 && refusals.every((r) => r.rule === "window");
  const waitUntil = onlyWindow ? gates.window.opensAt : null;
  // One written reason overrides the window and the budget freeze alike, so offer it when nothing else refuses.
  const overridable = refusals.length > 0 && refusals.every((r) => r.rule === "window" || r.rule === "budget_freeze");
  const overrideBudget = overridable && mayOverride && refusals.some((r) => r.rule === "budget_freeze");
  return {
    allowed,
    refusals,
    actions: { deploy: allowed, waitForWindow: waitUntil !== null, overrideWindow: onlyWindow && mayOverride, overrideBudget },
    opensReview: allowed ? findReviewToOpen({ gates, principal, release, environment, overrideReason }) : null,
    ...gates,
    waitUntil,
  };
}

function listRefusals(options: { gates: GateDecisions; overrideRefused: boolean; role: string }): DeploymentRefusal[] {
  const { gates, overrideRefused, role } = options;
  const refusals: DeploymentRefusal[] = [];
  if (overrideRefused) {
    refusals.push({
      rule: "override_permission",
      reason: `Your role (${role}) may not override a deployment window: it needs the "window.override" permission. Remove the override reason, or ask a release manager.`,
    });
  }
  if (!gates.window.allowed) refusals.push({ rule: "window", reason: gates.window.reason });
  if (!gates.approvals.satisfied) refusals.push({ rule: "approvals", reason: gates.approvals.reason });
  if (!gates.promotion.allowed) refusals.push({ rule: "promotion", reason: gates.promotion.reason });
  if (!gates.budget.allowed) refusals.push({ rule: "budget_freeze", reason: gates.budget.reason });
  const failed = gates.readiness.checks.filter((c) => c.status === "failed" && !RULE_CHECKS.has(c.id));
  if (failed.length > 0) {
    const reason = `Not ready (${gates.readiness.score}/100): ${failed.map((c) => `${c.label} — ${c.detail}`).join("; ")}`;
    refusals.push({ rule: "readiness", reason });
  } else if (!gates.readiness.ready && refusals.length === 0) {
    // Nothing failed, but the warnings leave the score under the minimum: the score itself refuses.
    refusals.push({ rule: "readiness", reason: gates.readiness.reason });
  }
  return refusals;
}

function findReviewToOpen(options: {
  gates: GateDecisions;
  principal: Principal;
  release: Release;
  environment: Environment;
  overrideReason: string | null;
}): ReviewToOpen | null {
  const { gates, principal, release, environment, overrideReason } = options;
  const where = `${release.version} to ${environment.name}`;
  if (gates.window.bypass === "override") {
    return {
      reason: "window_override",
      detail: `${principal.label} overrode the window to deploy ${where}: "${overrideReason}". ${gates.window.reason}`,
    };
  }
  if (gates.budget.bypass === "override") {
    return {
      reason: "budget_override",
      detail: `${principal.label} overrode the error-budget freeze to deploy ${where}: "${overrideReason}". ${gates.budget.reason}`,
    };
  }
  const hotfixBypass = gates.window.bypass === "hotfix" || gates.promotion.bypass === "hotfix" || gates.budget.bypass === "hotfix";
  if (release.hotfix && (environment.isProduction || hotfixBypass)) {
    const exceptions = [
      gates.window.bypass === "hotfix" ? gates.window.reason : null,
      gates.promotion.bypass === "hotfix" ? gates.promotion.reason : null,
      gates.budget.bypass === "hotfix" ? gates.budget.reason : null,
    ];
    const detail = [`Hotfix ${where} by ${principal.label}.`, ...exceptions.filter(Boolean)].join(" ");
    return { reason: "hotfix", detail };
  }
  return null;
}
