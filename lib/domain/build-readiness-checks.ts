// Maps the other decisions and the facts a service loaded into the readiness check list, so the release
// page, the API and the deploy gate all show the same checks with the same details. A rule that lets a
// deploy through by an exception (a hotfix, an override) warns; a check that does not apply passes.
import type { ApprovalsDecision } from "./evaluate-approvals";
import type { ReadinessCheckInput, ReadinessStatus } from "./evaluate-readiness";
import type { PromotionDecision } from "./evaluate-promotion";
import type { WindowDecision } from "./evaluate-window";
import { READINESS_LABELS, type ReadinessCheckId } from "./readiness/readiness-weights";

const check = (id: ReadinessCheckId, status: ReadinessStatus, detail: string): ReadinessCheckInput => ({
  id,
  label: READINESS_LABELS[id],
  status,
  detail,
});
const passedIf = (condition: boolean): ReadinessStatus => (condition ? "passed" : "failed");
/** Allowed only by an exception: it counts, partly. */
const warnedIf = (allowed: boolean, bypass: unknown): ReadinessStatus => (!allowed ? "failed" : bypass ? "warned" : "passed");

function approvalsCheck(approvals: Pick<ApprovalsDecision, "satisfied" | "required" | "reason">, isProduction: boolean) {
  if (approvals.required > 0) return check("approvals", passedIf(approvals.satisfied), approvals.reason);
  // Production without any approval is allowed by its policy, but it is the documents' exception.
  return isProduction
    ? check("approvals", "warned", `${approvals.reason}, although this is a production environment`)
    : check("approvals", "passed", approvals.reason);
}

export function buildReadinessChecks(options: {
  approvals: Pick<ApprovalsDecision, "satisfied" | "required" | "reason">;
  window: Pick<WindowDecision, "allowed" | "reason" | "bypass">;
  promotion: Pick<PromotionDecision, "allowed" | "reason" | "bypass">;
  isProduction: boolean;
  /** lib/domain/readiness/evaluate-smoke-readiness.ts */
  smoke: { status: ReadinessStatus; detail: string };
  requiresBackup: boolean;
  backupRecorded: boolean;
  openP1Alerts: number;
}): ReadinessCheckInput[] {
  const { approvals, window, promotion, smoke, requiresBackup, backupRecorded, openP1Alerts } = options;
  const backupDetail = !requiresBackup
    ? "This target declares no backup step"
    : backupRecorded
      ? "Backup recorded for this release"
      : "This target requires a backup before deploying; record one";
  const alertDetail =
    openP1Alerts === 0
      ? "No open P1 alert"
      : `${openP1Alerts} open P1 alert${openP1Alerts === 1 ? "" : "s"} on this target; resolve before deploying`;
  return [
    approvalsCheck(approvals, options.isProduction),
    check("window", warnedIf(window.allowed, window.bypass), window.reason),
    check("promotion", warnedIf(promotion.allowed, promotion.bypass), promotion.reason),
    check("smoke_suite", smoke.status, smoke.detail),
    check("backup", requiresBackup ? passedIf(backupRecorded) : "passed", backupDetail),
    check("no_p1_alert", passedIf(openP1Alerts === 0), alertDetail),
  ];
}
