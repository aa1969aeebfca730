// Someone on call says they are on an alert. It stays unresolved (and a P1 keeps blocking readiness) until
// its rule or Alertmanager resolves it; acknowledging only records who and when. Once: the conditional
// update makes a second acknowledgement, or one of a resolved alert, a 409 naming what stands.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import type { AcknowledgeAlertInput } from "@/lib/schemas/alerts";
import { alertInclude, type AlertView, toAlertView } from "./alert-view";

export async function acknowledgeAlert(options: { principal: Principal; id: string; input: AcknowledgeAlertInput }): Promise<AlertView> {
  const { principal, id, input } = options;
  const at = await now();
  return db.$transaction(async (tx) => {
    const alert = await tx.alert.findUnique({ where: { id }, include: alertInclude });
    if (!alert) throw new AppError("not_found", `There is no alert ${id}.`);
    const { count } = await tx.alert.updateMany({
      where: { id, resolvedAt: null, acknowledgedAt: null },
      data: { acknowledgedAt: at, acknowledgedById: principal.userId },
    });
    if (count === 0) {
      const why = alert.resolvedAt
        ? `it was resolved at ${alert.resolvedAt.toISOString()}`
        : `${alert.acknowledgedBy?.name ?? "someone"} acknowledged it at ${alert.acknowledgedAt?.toISOString()}`;
      throw new AppError("conflict", `Alert ${id} cannot be acknowledged: ${why}.`);
    }
    await recordAudit(tx, actorOf(principal), {
      action: "alert.acknowledged",
      subjectType: "alert",
      subjectId: id,
      details: { name: alert.name, severity: alert.severity, targetId: alert.targetId, ...(input.note ? { note: input.note } : {}) },
    });
    return toAlertView(await tx.alert.findUniqueOrThrow({ where: { id }, include: alertInclude }));
  });
}
