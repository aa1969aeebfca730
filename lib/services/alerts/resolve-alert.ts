// Resolves an unresolved alert, once: the conditional update lets exactly one caller (worker, Alertmanager
// message) resolve it, and only that one audits and notifies. Frees the fingerprint for the next opening.
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { notifyAlert } from "./notify-alert";

export async function resolveAlert({
  alertId,
  at,
  reason,
  actor,
}: {
  alertId: string;
  at: Date;
  reason: string;
  actor: AuditActor;
}): Promise<boolean> {
  const resolved = await db.$transaction(async (tx) => {
    const { count } = await tx.alert.updateMany({ where: { id: alertId, resolvedAt: null }, data: { resolvedAt: at, openKey: null } });
    if (count === 0) return false;
    await recordAudit(tx, actor, { action: "alert.resolved", subjectType: "alert", subjectId: alertId, details: { reason } });
    return true;
  });
  if (resolved) await notifyAlert({ alertId, event: "alert_resolved", reason });
  return resolved;
}
