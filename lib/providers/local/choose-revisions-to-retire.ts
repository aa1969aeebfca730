// Retention after a traffic change: which non-serving revisions to stop. Pure, so the rule is unit-tested.

export type RetentionCandidate = {
  name: string;
  createdAt: string;
  traffic: number;
  /** Sequence number of the last traffic change under which it had a share above 0; undefined if it never served. */
  lastServedSeq?: number;
  isRunning: boolean;
};

/**
 * Keeps the `retain` most recently serving revisions that now have no traffic (they make a rollback a
 * traffic switch) and returns the names of the older ones. Revisions that never served are left alone:
 * they are candidates waiting for their switch (or a failed one the engine stops itself), not history.
 */
export function chooseRevisionsToRetire({ revisions, retain }: { revisions: RetentionCandidate[]; retain: number }): string[] {
  const idle = revisions
    .filter((r) => r.isRunning && r.traffic === 0 && r.lastServedSeq !== undefined)
    .sort((a, b) => (b.lastServedSeq ?? 0) - (a.lastServedSeq ?? 0) || b.createdAt.localeCompare(a.createdAt));
  return idle.slice(retain).map((r) => r.name);
}
