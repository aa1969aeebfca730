// One Overview cell's health: open P1/P2 alerts as badges, the last hour's availability and error rate, a
// sparkline of the error rate in 5-minute slots and the 30-day budget as a meter. The sparkline is an inline
// SVG polyline, not a Recharts chart: a page holds up to 500 services × every environment, and one
// ResponsiveContainer (with its ResizeObserver) per cell is far heavier than a path.
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { OverviewHealth } from "@/lib/services/overview/load-cell-health";

const WIDTH = 72;
const HEIGHT = 16;

function Sparkline({ points, unhealthy }: { points: (number | null)[]; unhealthy: boolean }) {
  const values = points.filter((p): p is number => p !== null);
  if (values.length === 0) return null;
  const top = Math.max(1, ...values);
  const step = WIDTH / (points.length - 1);
  const path = points
    .map((p, i) => (p === null ? null : `${(i * step).toFixed(1)},${(HEIGHT - 1 - (p / top) * (HEIGHT - 2)).toFixed(1)}`))
    .filter(Boolean)
    .join(" ");
  return (
    <svg width={WIDTH} height={HEIGHT} role="img" aria-label="Error rate over the last hour, in 5-minute steps">
      <polyline points={path} fill="none" strokeWidth={1.5} className={unhealthy ? "stroke-red-600" : "stroke-slate-500"} />
    </svg>
  );
}

function BudgetMeter({ budget }: { budget: OverviewHealth["budget"] }) {
  if (budget.status === "not_enough_data") {
    return (
      <span className="text-xs text-slate-400" title={budget.reason}>
        Budget: not enough data
      </span>
    );
  }
  const left = Math.max(0, Math.min(1, budget.remainingRatio));
  const label = budget.status === "exhausted" ? "Budget spent" : `Budget ${Math.round(left * 100)}% left`;
  return (
    <span className="flex items-center gap-1 text-xs text-slate-600" title={budget.reason}>
      <meter min={0} max={1} low={0.25} optimum={1} value={left} aria-label={label} className="h-1.5 w-12" />
      <span className={budget.status === "exhausted" ? "font-medium text-red-700" : undefined}>{label}</span>
    </span>
  );
}

const formatPercent = (value: number, digits: number) => `${value.toFixed(digits)}%`;

export function CellHealth({ health }: { health: OverviewHealth }) {
  const { openAlerts, lastHour } = health;
  return (
    <div className="flex flex-col items-start gap-0.5" title={health.reasons.join("; ") || undefined}>
      <span className="flex items-center gap-1">
        {(["P1", "P2"] as const).map((severity) =>
          openAlerts[severity] > 0 ? (
            <Badge key={severity} tone="danger" aria-label={`${openAlerts[severity]} open ${severity}`}>
              {severity}
              {openAlerts[severity] > 1 ? ` ×${openAlerts[severity]}` : ""}
            </Badge>
          ) : null,
        )}
        {lastHour.availabilityPercent === null || lastHour.errorRatePercent === null ? (
          <span className="text-xs text-slate-400">No traffic data (1 h)</span>
        ) : (
          <span className={cn("text-xs tabular-nums", health.unhealthy ? "text-red-800" : "text-slate-600")}>
            {formatPercent(lastHour.availabilityPercent, 2)} ok · {formatPercent(lastHour.errorRatePercent, 2)} err
          </span>
        )}
      </span>
      <Sparkline points={health.sparkline} unhealthy={health.unhealthy} />
      <BudgetMeter budget={health.budget} />
    </div>
  );
}
