// The error budget left, as a bar and in words: green while plenty is left, amber under a quarter, red when
// spent; "not enough data" with the request count when there is too little traffic to judge.
import { cn } from "@/components/ui/cn";
import type { TargetSlo } from "@/lib/services/sli/list-slos";
import { formatPercent } from "./format-slo";

type Budget = NonNullable<TargetSlo["slo"]>["budget"];

export function budgetTone(budget: Budget): "ok" | "warn" | "danger" | "neutral" {
  if (budget.status === "not_enough_data") return "neutral";
  if (budget.status === "exhausted") return "danger";
  return budget.remainingRatio < 0.25 ? "warn" : "ok";
}

const BAR: Record<ReturnType<typeof budgetTone>, string> = {
  ok: "bg-emerald-500",
  warn: "bg-amber-500",
  danger: "bg-red-600",
  neutral: "bg-slate-300",
};

export function BudgetMeter({ budget, className }: { budget: Budget; className?: string }) {
  const tone = budgetTone(budget);
  const left = budget.status === "not_enough_data" ? null : budget.remainingRatio;
  const width = left === null ? 0 : Math.max(0, Math.min(1, left)) * 100;
  return (
    <div className={cn("min-w-32", className)} data-testid="budget-meter" data-tone={tone}>
      <div className="h-2 rounded bg-slate-100" aria-hidden>
        <div className={cn("h-2 rounded", BAR[tone])} style={{ width: `${width}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-700">
        {left === null ? "not enough data" : left <= 0 ? `spent (${formatPercent(left * 100, 0)})` : `${formatPercent(left * 100, 1)} left`}
      </p>
    </div>
  );
}
