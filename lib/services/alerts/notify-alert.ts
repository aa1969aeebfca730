// Tells the target's environment channel that an alert opened or resolved, through the existing notification
// path (lib/services/notify.ts). The job id carries the alert's id, so each opening and each resolution is
// sent once however often it is reported.
import { db } from "@/lib/db";
import { formatMetricValue, type MetricName } from "@/lib/domain/analysis/metric-names";
import { notify } from "../notify";

export async function notifyAlert({
  alertId,
  event,
  reason,
}: {
  alertId: string;
  event: "alert_opened" | "alert_resolved";
  reason?: string;
}): Promise<boolean> {
  const alert = await db.alert.findUniqueOrThrow({
    where: { id: alertId },
    include: { target: { include: { service: { select: { slug: true } }, environment: { select: { slug: true } } } } },
  });
  const where = `${alert.target.service.slug} in ${alert.target.environment.slug}`;
  const metric = (alert.labels as { metric?: MetricName } | null)?.metric;
  const value = alert.value !== null && metric ? formatMetricValue({ metric, value: alert.value }) : null;
  const text =
    event === "alert_opened"
      ? `${alert.severity} alert on ${where}: ${alert.name}${alert.summary ? ` — ${alert.summary}` : ""}`
      : `Resolved: ${alert.severity} alert on ${where}: ${alert.name}${reason ? ` — ${reason}` : ""}`;
  const fields: Record<string, string> = { Severity: alert.severity, Target: where, Source: alert.source };
  if (alert.condition) fields.Condition = alert.condition;
  if (value) fields.Value = value;
  return notify({ environmentId: alert.target.environmentId, event, text: text.slice(0, 3000), fields, subjectId: alert.id });
}
