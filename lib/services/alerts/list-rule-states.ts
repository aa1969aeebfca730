// GET /api/v1/targets/{id}/alert-rules: what each alert rule of the target said at its last change, most severe
// first, so its page shows which rules are judged, which fire and which cannot (no data, too few requests, a
// failed query) and why. Empty until the evaluator has judged the target once, and for a target it no longer
// judges (serving nothing, archived): the states it left would be stale.
import { AppError } from "@/lib/api/app-error";
import { db } from "@/lib/db";
import type { AlertSeverity } from "@/lib/domain/alerts/alert-rule";
import type { RuleState } from "@/lib/domain/alerts/rule-result";
import { EVALUATED_TARGETS } from "./evaluated-targets";

export type RuleStateView = {
  fingerprint: string;
  name: string;
  severity: AlertSeverity;
  state: RuleState;
  condition: string;
  reason: string;
  since: string;
  updatedAt: string;
};

export type RuleStates = { evaluated: boolean; items: RuleStateView[] };

export async function listRuleStates({ targetId }: { targetId: string }): Promise<RuleStates> {
  const [target, evaluated] = await Promise.all([
    db.target.findUnique({ where: { id: targetId }, select: { id: true } }),
    db.target.count({ where: { id: targetId, ...EVALUATED_TARGETS } }),
  ]);
  if (!target) throw new AppError("not_found", `There is no target ${targetId}.`);
  if (!evaluated) return { evaluated: false, items: [] };
  const rows = await db.alertRuleState.findMany({ where: { targetId }, orderBy: [{ severity: "asc" }, { name: "asc" }] });
  return {
    evaluated: true,
    items: rows.map(({ targetId: _targetId, since, updatedAt, ...row }) => ({
      ...row,
      since: since.toISOString(),
      updatedAt: updatedAt.toISOString(),
    })),
  };
}
