// Which deploy a rollback undid: the one it pre-empted while that was running (rollbackOfId), or the one whose
// revision it took traffic away from. Promotion (a success later undone does not count) and the delivery
// metrics (a success later undone is a change failure) both ask this one rule.

export type RollbackLink = { targetId: string; replacesRevision: string | null; rollbackOfId: string | null };
export type RolledBackCandidate = { id: string; targetId: string; revision: string | null };

export function isRollbackOf({ rollback, deployment }: { rollback: RollbackLink; deployment: RolledBackCandidate }): boolean {
  if (rollback.rollbackOfId === deployment.id) return true;
  return rollback.targetId === deployment.targetId && deployment.revision !== null && rollback.replacesRevision === deployment.revision;
}
