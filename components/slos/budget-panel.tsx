// The error budget as a person can check it by hand: request-based over a rolling 30-day window, with good,
// total and allowed bad; the burn rate of each window against each multiwindow rule; and the freeze, shown
// like a window state, when the environment holds deploys on a spent budget.
import { Badge } from "@/components/ui/badge";
import type { TargetSlo } from "@/lib/services/sli/list-slos";
import { BudgetMeter } from "./budget-meter";
import { formatBurn, formatCount, formatPercent, formatUtc } from "./format-slo";

type View = NonNullable<TargetSlo["slo"]>;

function Numbers({ budget }: { budget: View["budget"] }) {
  if (budget.status === "not_enough_data")
    return (
      <p data-testid="budget-not-enough" className="text-sm text-slate-600">
        Not enough data: {formatCount(budget.total)} requests in the last {budget.windowDays} days; at least{" "}
        {formatCount(budget.minRequests)} are needed before the budget is judged.
      </p>
    );
  return (
    <dl data-testid="budget-numbers" className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5">
      {[
        ["Good requests", formatCount(budget.good)],
        ["Total requests", formatCount(budget.total)],
        ["Failed (bad)", formatCount(budget.bad)],
        ["Allowed bad", formatCount(budget.allowedBad)],
        ["Availability", formatPercent(budget.availabilityPercent, 3)],
      ].map(([term, value]) => (
        <div key={term}>
          <dt className="text-xs text-slate-500">{term}</dt>
          <dd className="font-medium tabular-nums text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function BudgetPanel({ item }: { item: TargetSlo & { slo: View } }) {
  const { budget, burn, freeze } = item.slo;
  return (
    <section aria-label="Error budget" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-slate-800">Error budget</h2>
        <BudgetMeter budget={budget} className="w-64" />
      </div>
      <p className="text-xs text-slate-600">
        Request-based over a rolling {budget.windowDays}-day window: with an availability objective of {budget.objectivePercent}%, up to{" "}
        {formatPercent(100 - budget.objectivePercent, 3)} of requests may fail. Allowed bad = total ×{" "}
        {formatPercent(100 - budget.objectivePercent, 3)}; budget left = 1 − bad ÷ allowed bad.
      </p>
      <Numbers budget={budget} />
      {freeze.frozen ? (
        <p data-testid="budget-freeze" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
          {freeze.reason}
          {freeze.recoversAt
            ? ` (estimate: assumes no new failures and the window's mean traffic; around ${formatUtc(freeze.recoversAt)})`
            : ""}
        </p>
      ) : item.environment.budgetFreeze ? (
        <p className="text-xs text-slate-600">{item.environment.name} freezes deploys when this budget is spent.</p>
      ) : null}
      <table aria-label="Burn rates" className="min-w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="py-1 pr-3 font-medium">Rule</th>
            <th className="py-1 pr-3 font-medium">Long window</th>
            <th className="py-1 pr-3 font-medium">Short window</th>
            <th className="py-1 pr-3 font-medium">Fires at</th>
            <th className="py-1 font-medium">Now</th>
          </tr>
        </thead>
        <tbody>
          {burn.rules.map((r) => (
            <tr key={r.rule.id} data-testid={`burn-rule-${r.rule.id}`} data-firing={r.firing} className="border-t border-slate-100">
              <td className="py-1 pr-3">
                {r.rule.action === "page" ? "Page" : "Ticket"} <span className="text-xs text-slate-500">({r.rule.budgetSpent})</span>
              </td>
              <td className="py-1 pr-3 tabular-nums">
                {r.rule.long}: {formatBurn(r.longBurn)}
              </td>
              <td className="py-1 pr-3 tabular-nums">
                {r.rule.short}: {formatBurn(r.shortBurn)}
              </td>
              <td className="py-1 pr-3 tabular-nums">≥ {r.rule.factor}× on both</td>
              <td className="py-1">{r.firing ? <Badge tone={r.rule.action === "page" ? "danger" : "warn"}>firing</Badge> : "quiet"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
