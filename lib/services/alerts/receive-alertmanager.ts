// The operator's Alertmanager, through its webhook: each firing alert opens (or is seen again as) a
// Flightdeck alert on the target its labels name; each resolved one resolves it. Alertmanager repeats
// groups and retries on any non-2xx answer, so an alert naming no known target is answered as unmatched,
// not refused: refusing would make Alertmanager resend the whole group for ever.
import { actorOf } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { mapAlertmanagerAlert, type TargetReference } from "@/lib/domain/alerts/map-alertmanager-alert";
import type { AlertmanagerAlert, AlertmanagerWebhookBody } from "@/lib/schemas/alertmanager";
import { openAlert, openKeyOf } from "./open-alert";
import { resolveAlert } from "./resolve-alert";

export type AlertmanagerReceipt = {
  received: number;
  opened: string[];
  stillFiring: string[];
  resolved: string[];
  unmatched: { fingerprint: string; alertname: string; reason: string }[];
};

async function findTarget(ref: TargetReference): Promise<{ id: string } | null> {
  if (ref.kind === "id") return db.target.findUnique({ where: { id: ref.targetId }, select: { id: true } });
  return db.target.findFirst({ where: { service: { slug: ref.service }, environment: { slug: ref.environment } }, select: { id: true } });
}

function describeRef(ref: TargetReference | null): string {
  if (!ref) return "its labels name no target: add flightdeck_target, or service and environment";
  return ref.kind === "id" ? `there is no target ${ref.targetId}` : `there is no target for service ${ref.service} in ${ref.environment}`;
}

async function receiveOne(
  alert: AlertmanagerAlert,
  { principal, at, receipt }: { principal: Principal; at: Date; receipt: AlertmanagerReceipt },
) {
  const mapped = mapAlertmanagerAlert(alert);
  const target = mapped.target ? await findTarget(mapped.target) : null;
  if (!target) {
    receipt.unmatched.push({ fingerprint: alert.fingerprint, alertname: mapped.name, reason: describeRef(mapped.target) });
    return;
  }
  const key = { targetId: target.id, source: "alertmanager" as const, fingerprint: mapped.fingerprint };
  if (alert.status === "resolved") {
    const open = await db.alert.findUnique({ where: { openKey: openKeyOf(key) }, select: { id: true } });
    const reason = `Alertmanager resolved it (ended ${alert.endsAt})`;
    if (open && (await resolveAlert({ alertId: open.id, at, reason, actor: actorOf(principal) }))) receipt.resolved.push(open.id);
    return;
  }
  const startsAt = new Date(alert.startsAt);
  const opened = await openAlert({
    ...key,
    name: mapped.name.slice(0, 200),
    severity: mapped.severity,
    summary: mapped.summary?.slice(0, 2000) ?? null,
    labels: { ...alert.labels, severityFrom: mapped.severityFrom, generatorURL: alert.generatorURL },
    // When Alertmanager says it started, unless that is in the future of this clock.
    startedAt: startsAt.getTime() <= at.getTime() ? startsAt : at,
    at,
    actor: actorOf(principal),
  });
  (opened.isNew ? receipt.opened : receipt.stillFiring).push(opened.id);
}

export async function receiveAlertmanager({ principal, body }: { principal: Principal; body: AlertmanagerWebhookBody }) {
  const at = await now();
  const receipt: AlertmanagerReceipt = { received: body.alerts.length, opened: [], stillFiring: [], resolved: [], unmatched: [] };
  for (const alert of body.alerts) await receiveOne(alert, { principal, at, receipt });
  return receipt;
}
