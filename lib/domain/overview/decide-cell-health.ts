// Whether one cell of the Overview (a service's target in one environment) is unhealthy, and why: an unresolved
// P1 or P2 alert, an error rate over the last hour above the documents' 1 % threshold with enough requests to
// judge it, or a spent error budget. Too little traffic is never a verdict: it is "not enough data".
import { DEFAULT_ALERT_RULES } from "../document-defaults";
import type { ErrorBudget } from "../slo/compute-error-budget";
import { MIN_SLI_REQUESTS } from "../slo/slo-objectives";

export type AlertSeverity = "P1" | "P2" | "P3" | "P4";
export type OpenAlertCounts = Record<AlertSeverity, number>;

/** The documents' "Error rate > 1 %: P1 alert", in percent. */
export const UNHEALTHY_ERROR_RATE_PERCENT = DEFAULT_ALERT_RULES.find((rule) => rule.metric === "error_rate")!.threshold;

export type CellHealth = { unhealthy: boolean; reasons: string[] };

export function decideCellHealth({
  openAlerts,
  lastHour,
  budget,
}: {
  openAlerts: OpenAlertCounts;
  lastHour: { requests: number; errors: number };
  budget: ErrorBudget;
}): CellHealth {
  const reasons: string[] = [];
  for (const severity of ["P1", "P2"] as const) {
    const count = openAlerts[severity];
    if (count > 0) reasons.push(`${count} open ${severity} alert${count === 1 ? "" : "s"}`);
  }
  if (lastHour.requests >= MIN_SLI_REQUESTS) {
    const percent = (lastHour.errors / lastHour.requests) * 100;
    if (percent > UNHEALTHY_ERROR_RATE_PERCENT) {
      reasons.push(`error rate ${Math.round(percent * 100) / 100}% over the last hour, above ${UNHEALTHY_ERROR_RATE_PERCENT}%`);
    }
  }
  if (budget.status === "exhausted") reasons.push("error budget spent");
  return { unhealthy: reasons.length > 0, reasons };
}
