// One pass of the SLI history, run by every worker on a timer of its own (a Redis flush cannot lose it):
// sample the completed minutes not yet recorded, re-fold the hours those minutes belong to (only when this
// worker wrote some: at 2,500 targets a fold takes seconds, see the bench), and, at most once an hour per
// worker, prune past retention. Every part is idempotent, so several workers ticking is harmless.
import { pruneSliRollups } from "./prune-sli-rollups";
import { recordSliMinutes, type RecordSliMinutesResult } from "./record-sli-minutes";
import { rollUpSliHours } from "./roll-up-sli-hours";

export type SliTickResult = RecordSliMinutesResult & { hourRows: number; pruned: { minutes: number; hours: number } | null };

export async function runSliTick({ now, prune }: { now: Date; prune: boolean }): Promise<SliTickResult> {
  const recorded = await recordSliMinutes({ now });
  const hourRows = recorded.earliest ? await rollUpSliHours({ now, since: recorded.earliest }) : 0;
  const pruned = prune ? await pruneSliRollups({ now }) : null;
  return { ...recorded, hourRows, pruned };
}
