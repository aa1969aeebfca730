// Opens an alert on a target, once. The unresolved alert of a fingerprint is unique in the database
// (Alert.openKey), so two workers evaluating at the same moment, or Alertmanager repeating a group, find the
// alert already open instead of creating a second one; only the call that created it audits and notifies.
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { type AlertSource, db, type Prisma } from "@/lib/db";
import type { AlertSeverity } from "@/lib/domain/alerts/alert-rule";
import { notifyAlert } from "./notify-alert";

export type OpenAlertInput = {
  targetId: string;
  source: AlertSource;
  fingerprint: string;
  name: string;
  severity: AlertSeverity;
  summary: string | null;
  value?: number | null;
  condition?: string | null;
  labels?: Prisma.InputJsonValue;
  /** When it began firing; defaults to `at`. */
  startedAt?: Date;
  /** Now: when it was seen firing. */
  at: Date;
  actor: AuditActor;
};

export function openKeyOf({ targetId, source, fingerprint }: Pick<OpenAlertInput, "targetId" | "source" | "fingerprint">): string {
  return `${targetId}:${source}:${fingerprint}`;
}

/** The unresolved alert of this fingerprint, created (isNew) or found and marked seen now. */
export async function openAlert(input: OpenAlertInput): Promise<{ id: string; isNew: boolean }> {
  const { targetId, source, fingerprint, name, severity, summary, value = null, condition = null, labels = {}, at, actor } = input;
  const startedAt = input.startedAt ?? at;
  const openKey = openKeyOf(input);
  try {
    const alert = await db.$transaction(async (tx) => {
      const created = await tx.alert.create({
        data: { targetId, source, fingerprint, openKey, name, severity, summary, value, condition, labels, startedAt, lastSeenAt: at },
      });
      await recordAudit(tx, actor, {
        action: "alert.opened",
        subjectType: "alert",
        subjectId: created.id,
        details: { targetId, source, name, severity, summary, value, condition },
      });
      return created;
    });
    await notifyAlert({ alertId: alert.id, event: "alert_opened" });
    return { id: alert.id, isNew: true };
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    const seen = await db.alert.updateMany({ where: { openKey }, data: { lastSeenAt: at } });
    // Resolved between our attempt and now: it fires again, so this is a new opening.
    if (seen.count === 0) return openAlert(input);
    const existing = await db.alert.findUniqueOrThrow({ where: { openKey }, select: { id: true } });
    return { id: existing.id, isNew: false };
  }
}
