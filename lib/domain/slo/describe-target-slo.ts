// Everything the SLO page and GET /api/v1/slos say about one target, from its windows' counts: the objectives
// against the last hour, the request-based budget over the rolling 30 days with the numbers behind it, the
// burn rates and which burn-rate rule fires, and the freeze the environment would apply to a deploy now.
import { BURN_WINDOWS, type BurnWindow } from "./burn-rate-rules";
import { computeErrorBudget, type ErrorBudget } from "./compute-error-budget";
import { decideBurnRateAlerts, type BurnRateDecision } from "./decide-burn-rate-alerts";
import { estimateBudgetRecovery, type HourlyCounts } from "./estimate-budget-recovery";
import { evaluateBudgetFreeze, type BudgetFreezeDecision } from "./evaluate-budget-freeze";
import { evaluateSloObjectives, type ObjectiveStatus } from "./evaluate-slo-objectives";
import { BUDGET_WINDOW_DAYS, type SloObjectives } from "./slo-objectives";
import type { SliSummary } from "./summarize-sli-rows";

export type SloWindow = BurnWindow | "30d";
export const SLO_WINDOWS: Record<SloWindow, number> = { ...BURN_WINDOWS, "30d": BUDGET_WINDOW_DAYS * 86_400 };

export type TargetSloFacts = {
  objectives: SloObjectives;
  windows: Record<SloWindow, SliSummary | null>;
  /** the budget window's hourly counts, for the recovery estimate; null when the source keeps none */
  hours: HourlyCounts[] | null;
  budgetFreeze: boolean;
  now: Date;
};

export type TargetSloView = {
  current: { windowSeconds: number; requests: number; errors: number; objectives: ObjectiveStatus[] };
  budget: ErrorBudget & { objectivePercent: number; windowDays: number };
  burn: BurnRateDecision;
  freeze: BudgetFreezeDecision;
};

const counts = (sli: SliSummary | null) => ({ requests: sli?.requests ?? 0, errors: sli?.errors ?? 0 });

export function describeTargetSlo({ objectives, windows, hours, budgetFreeze, now }: TargetSloFacts): TargetSloView {
  const objectivePercent = objectives.uptimePercent;
  const month = counts(windows["30d"]);
  const budget = computeErrorBudget({ objectivePercent, total: month.requests, bad: month.errors });
  const burnWindows = Object.fromEntries((Object.keys(BURN_WINDOWS) as BurnWindow[]).map((w) => [w, counts(windows[w])])) as Record<
    BurnWindow,
    { requests: number; errors: number }
  >;
  const recoversAt =
    budget.status === "exhausted" && hours
      ? estimateBudgetRecovery({ objectivePercent, hours, windowDays: BUDGET_WINDOW_DAYS, now })
      : null;
  const hour = windows["1h"];
  return {
    current: {
      windowSeconds: SLO_WINDOWS["1h"],
      ...counts(hour),
      objectives: evaluateSloObjectives({ objectives, sli: hour }),
    },
    budget: { ...budget, objectivePercent, windowDays: BUDGET_WINDOW_DAYS },
    burn: decideBurnRateAlerts({ objectivePercent, windows: burnWindows }),
    freeze: evaluateBudgetFreeze({ enabled: budgetFreeze, budget, recoversAt, kind: "deploy", hotfix: false }),
  };
}
