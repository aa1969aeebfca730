// The supervisor's answer to "what did each revision do over the last N seconds": the proxy's requests,
// the process readings and the health probes of that window, read from the per-revision stores.
import type { RevisionEntry } from "./revision-entry";
import type { RequestWindow } from "./request-metrics";
import type { HealthWindow, ResourceWindow } from "./revision-samples";

export type RevisionWindow = { revision: string; state: string; requests: RequestWindow; resources: ResourceWindow; health: HealthWindow };

export type TargetWindow = { endsAt: string; windowSeconds: number; revisions: RevisionWindow[] };

export function readTargetWindow({
  entries,
  endMs,
  seconds,
  memoryLimitBytes,
}: {
  entries: Iterable<RevisionEntry>;
  endMs: number;
  seconds: number;
  memoryLimitBytes: number;
}): TargetWindow {
  const window = { endMs, seconds };
  return {
    endsAt: new Date(endMs).toISOString(),
    windowSeconds: seconds,
    revisions: [...entries].map((entry) => ({
      revision: entry.record.name,
      state: entry.record.state,
      requests: entry.metrics.window(window),
      resources: entry.samples.resources({ ...window, memoryLimitBytes }),
      health: entry.samples.health(window),
    })),
  };
}
