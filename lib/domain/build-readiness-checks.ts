// Maps the other decisions and the facts a service loaded into the readiness check list, so the release
// page, the API and the deploy gate all show the same checks with the same details.
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

export function buildReadinessChecks(options: {
  approvals: Pick<ApprovalsDecision, "satisfied" | "required" | "reason">;
  window: Pick<WindowDecision, "allowed" | "reason">;
  promotion: Pick<PromotionDecision, "allowed" | "reason">;
  smokeSuiteSize: number;
  requiresBackup: boolean;
  backupRecorded: boolean;
  openP1Alerts: number;
}): ReadinessCheckInput[] {
  const { approvals, window, promotion, smokeSuiteSize, requiresBackup, backupRecorded, openP1Alerts } = options;
  const smokeDetail =
    smokeSuiteSize > 0 ? `${smokeSuiteSize} smoke checks configured` : "No smoke checks configured for this service; add the smoke suite";
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
    check("approvals", approvals.required === 0 ? "not_applicable" : passedIf(approvals.satisfied), approvals.reason),
    check("window", passedIf(window.allowed), window.reason),
    check("promotion", passedIf(promotion.allowed), promotion.reason),
    check("smoke_suite", passedIf(smokeSuiteSize > 0), smokeDetail),
    check("backup", requiresBackup ? passedIf(backupRecorded) : "not_applicable", backupDetail),
    check("no_p1_alert", passedIf(openP1Alerts === 0), alertDetail),
  ];
}
