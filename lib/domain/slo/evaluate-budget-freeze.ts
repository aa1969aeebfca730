// The error-budget freeze, an option per environment: while a service's budget there is spent, deploys are
// refused. Rollbacks are never held; a hotfix goes through; a release manager may override with a written
// reason (which opens a post-hoc review). Shaped like the window decision so the pages show it alike.
import type { ErrorBudget } from "./compute-error-budget";

export type BudgetFreezeDecision = {
  allowed: boolean;
  /** the environment freezes on a spent budget, and this one is spent */
  frozen: boolean;
  bypass: "hotfix" | "override" | null;
  reason: string;
  recoversAt: Date | null;
};

export function evaluateBudgetFreeze({
  enabled,
  budget,
  recoversAt,
  kind,
  hotfix,
  overrideReason,
}: {
  enabled: boolean;
  /** null when the environment does not freeze (nothing was loaded) */
  budget: ErrorBudget | null;
  recoversAt: Date | null;
  kind: "deploy" | "rollback";
  hotfix: boolean;
  /** a written reason from someone allowed to override; null otherwise */
  overrideReason?: string | null;
}): BudgetFreezeDecision {
  const open = (reason: string): BudgetFreezeDecision => ({ allowed: true, frozen: false, bypass: null, reason, recoversAt: null });
  if (!enabled || !budget) return open("This environment does not freeze deploys on a spent error budget.");
  if (kind === "rollback") return open("Rollbacks are never held by the error-budget freeze.");
  if (budget.status === "not_enough_data") return open(`Error budget not judged: ${budget.reason}`);
  if (budget.status === "ok") return open(`Error budget left: ${budget.reason}`);
  const recovers = recoversAt ? `, recovers around ${recoversAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : "";
  const frozen = `Frozen: error budget spent${recovers}. ${budget.reason}`;
  if (hotfix)
    return { allowed: true, frozen: true, bypass: "hotfix", reason: `${frozen} A hotfix may deploy; a review opens.`, recoversAt };
  const reason = overrideReason?.trim();
  if (reason) return { allowed: true, frozen: true, bypass: "override", reason: `${frozen} Overridden: "${reason}".`, recoversAt };
  return {
    allowed: false,
    frozen: true,
    bypass: null,
    reason: `${frozen} A release manager may override with a written reason.`,
    recoversAt,
  };
}
