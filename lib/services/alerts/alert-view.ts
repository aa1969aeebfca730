// An alert as the API and the Alerts page show it: its state derived from its times, who acknowledged it,
// and the target it is on.
import type { Prisma } from "@/lib/db";
import type { AlertSeverity } from "@/lib/domain/alerts/alert-rule";
import { type AlertState, alertState } from "@/lib/domain/alerts/alert-state";

export const alertInclude = {
  acknowledgedBy: { select: { name: true, email: true } },
  target: { select: { id: true, service: { select: { slug: true, name: true } }, environment: { select: { slug: true, name: true } } } },
} satisfies Prisma.AlertInclude;

type AlertRow = Prisma.AlertGetPayload<{ include: typeof alertInclude }>;

export type AlertView = {
  id: string;
  name: string;
  severity: AlertSeverity;
  state: AlertState;
  source: "rule" | "alertmanager";
  summary: string | null;
  condition: string | null;
  value: number | null;
  labels: Record<string, unknown>;
  startedAt: string;
  lastSeenAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: { name: string; email: string } | null;
  resolvedAt: string | null;
  target: { id: string; service: { slug: string; name: string }; environment: { slug: string; name: string } };
};

export function toAlertView(row: AlertRow): AlertView {
  return {
    id: row.id,
    name: row.name,
    severity: row.severity,
    state: alertState(row),
    source: row.source,
    summary: row.summary,
    condition: row.condition,
    value: row.value,
    labels: (row.labels ?? {}) as Record<string, unknown>,
    startedAt: row.startedAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: row.acknowledgedBy,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    target: row.target,
  };
}
