// Alerts, newest first, filtered by state, severity, service, environment or target; with the counts of
// unresolved alerts by severity (whatever the filters), which the page's header shows.
import { db, type Prisma } from "@/lib/db";
import { ALERT_SEVERITIES, type AlertSeverity } from "@/lib/domain/alerts/alert-rule";
import type { ListAlertsQuery } from "@/lib/schemas/alerts";
import type { Page } from "@/lib/schemas/common";
import { alertInclude, type AlertView, toAlertView } from "./alert-view";

const STATE_WHERE: Record<NonNullable<ListAlertsQuery["state"]>, Prisma.AlertWhereInput> = {
  open: { resolvedAt: null, acknowledgedAt: null },
  acknowledged: { resolvedAt: null, acknowledgedAt: { not: null } },
  resolved: { resolvedAt: { not: null } },
  unresolved: { resolvedAt: null },
};

export type AlertList = Page<AlertView> & { unresolvedBySeverity: Record<AlertSeverity, number> };

export async function listAlerts(query: ListAlertsQuery): Promise<AlertList> {
  const target: Prisma.TargetWhereInput = {
    ...(query.service ? { service: { slug: query.service } } : {}),
    ...(query.environment ? { environment: { slug: query.environment } } : {}),
  };
  const where: Prisma.AlertWhereInput = {
    ...(query.state ? STATE_WHERE[query.state] : {}),
    ...(query.severity ? { severity: query.severity } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...(query.service || query.environment ? { target } : {}),
  };
  const [total, rows, counts] = await Promise.all([
    db.alert.count({ where }),
    db.alert.findMany({
      where,
      include: alertInclude,
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.alert.groupBy({ by: ["severity"], where: { resolvedAt: null }, _count: { _all: true } }),
  ]);
  const unresolvedBySeverity = Object.fromEntries(ALERT_SEVERITIES.map((s) => [s, 0])) as Record<AlertSeverity, number>;
  for (const row of counts) unresolvedBySeverity[row.severity] = row._count._all;
  return { items: rows.map(toAlertView), total, page: query.page, pageSize: query.pageSize, unresolvedBySeverity };
}
