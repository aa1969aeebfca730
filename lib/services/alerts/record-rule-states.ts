// The stored state of each alert rule of each serving target (AlertRuleState): read for many targets at once,
// written where an evaluation changed it (lib/domain/alerts/rule-state-changes.ts): a target's changes are one
// INSERT … ON CONFLICT whose `since` moves only where the state differs from the stored one, so two workers
// evaluating the same interval write the same rows and neither moves `since` twice.
import { db, Prisma } from "@/lib/db";
import type { RuleResult } from "@/lib/domain/alerts/rule-result";
import { ruleStateChanges, type StoredRuleState } from "@/lib/domain/alerts/rule-state-changes";

/** The stored rule states of `targetIds`, by target, in one query. */
export async function loadRuleStates(targetIds: string[]): Promise<Map<string, StoredRuleState[]>> {
  const rows = await db.alertRuleState.findMany({
    where: { targetId: { in: targetIds } },
    select: { targetId: true, fingerprint: true, name: true, severity: true, state: true, condition: true, reason: true },
  });
  return Map.groupBy(rows, (row) => row.targetId);
}

/** Writes what the evaluation at `now` changed; returns how many rows it wrote or removed. */
export async function recordRuleStates({
  targetId,
  results,
  stored,
  now,
}: {
  targetId: string;
  results: RuleResult[];
  stored: StoredRuleState[];
  now: Date;
}): Promise<number> {
  const { write, remove } = ruleStateChanges({ stored, results });
  if (write.length > 0) {
    const rows = write.map(
      (r) => Prisma.sql`(${targetId}, ${r.fingerprint}, ${r.name}, ${r.severity}::"AlertSeverity",
        ${r.state}::"AlertRuleStateKind", ${r.condition}, ${r.reason}, ${now}, ${now})`,
    );
    // One statement for the target's changes (a target's first evaluation writes all its rules).
    await db.$executeRaw`
      INSERT INTO "AlertRuleState" ("targetId", fingerprint, name, severity, state, condition, reason, since, "updatedAt")
      VALUES ${Prisma.join(rows)}
      ON CONFLICT ("targetId", fingerprint) DO UPDATE SET
        name = EXCLUDED.name, severity = EXCLUDED.severity, condition = EXCLUDED.condition, reason = EXCLUDED.reason,
        since = CASE WHEN "AlertRuleState".state = EXCLUDED.state THEN "AlertRuleState".since ELSE EXCLUDED.since END,
        state = EXCLUDED.state, "updatedAt" = EXCLUDED."updatedAt"`;
  }
  if (remove.length > 0) await db.alertRuleState.deleteMany({ where: { targetId, fingerprint: { in: remove } } });
  return write.length + remove.length;
}
