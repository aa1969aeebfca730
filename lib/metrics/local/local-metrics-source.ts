// The `local` metrics source: the local provider's own counters, read from the target's supervisor over
// its control API (GET /metrics/window), with no Prometheus in between.
import { createSupervisorDirectory } from "@/lib/providers/local/supervisor-directory";
import type { TargetWindow } from "@/lib/providers/local/read-target-window";
import { errorMeasurement, type MeasureInput, type MetricsSource, type RevisionMeasurements } from "../types";
import { describeLocalQuery, measureRevisionWindow } from "./measure-revision-window";

/** Reads a target's window from its supervisor; rejects when the supervisor cannot be reached. */
export type ReadTargetWindow = (options: { targetId: string; seconds: number; endMs: number }) => Promise<TargetWindow>;

export function readWindowFromSupervisor({ stateDir }: { stateDir: string }): ReadTargetWindow {
  const directory = createSupervisorDirectory({ stateDir });
  return async ({ targetId, seconds, endMs }) => {
    const found = await directory.find(targetId);
    if (found.kind === "none") throw new Error(`target ${targetId} has no local supervisor: nothing runs there`);
    if (found.kind === "lost") throw new Error(found.reason);
    return found.client.window({ seconds, endMs });
  };
}

export class LocalMetricsSource implements MetricsSource {
  readonly type = "local" as const;

  constructor(private readonly options: { readWindow: ReadTargetWindow }) {}

  async measure(input: MeasureInput): Promise<RevisionMeasurements> {
    const { metric, target, revisions, windowSeconds, now } = input;
    const names = { candidate: revisions.candidate, stable: revisions.stable ?? null };
    let window: TargetWindow;
    try {
      window = await this.options.readWindow({ targetId: target.id, seconds: windowSeconds, endMs: now.getTime() });
    } catch (error) {
      const failed = (revision: string) =>
        errorMeasurement({
          input,
          revision,
          query: describeLocalQuery({ metric, targetId: target.id, revision, windowSeconds }),
          error: (error as Error).message,
        });
      return { candidate: failed(names.candidate), stable: names.stable ? failed(names.stable) : null };
    }
    const measure = (revision: string) => {
      const found = window.revisions.find((r) => r.revision === revision);
      return measureRevisionWindow({
        metric,
        targetId: target.id,
        revision,
        windowSeconds,
        endsAt: window.endsAt,
        window: found,
      });
    };
    return { candidate: measure(names.candidate), stable: names.stable ? measure(names.stable) : null };
  }
}
