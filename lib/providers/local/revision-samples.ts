// What the supervisor samples of each revision besides its requests: the process group's CPU time and
// memory, and health probes. Kept for the last hour and summarized over any window inside it.
import { RETAIN_SECONDS } from "./windowed-counters";

export type ProcessSample = { atMs: number; cpuSeconds: number; rssBytes: number };
export type ProbeSample = { atMs: number; ok: boolean };

export type ResourceWindow = {
  /** Process readings in the window. */
  samples: number;
  /** CPU over the window in percent of one core; null until two readings exist. */
  cpuPercent: number | null;
  /** Mean resident memory over the window's readings, in percent of memoryLimitBytes. */
  memoryPercent: number | null;
  rssBytes: number | null;
  memoryLimitBytes: number;
};

export type HealthWindow = { probes: number; failures: number; maxConsecutiveFailures: number };

export type RevisionSamples = {
  addProcess: (sample: ProcessSample) => void;
  addProbe: (sample: ProbeSample) => void;
  latestProcess: () => ProcessSample | undefined;
  /** Failed probes since the last success. */
  consecutiveFailures: () => number;
  resources: (options: { endMs: number; seconds: number; memoryLimitBytes: number }) => ResourceWindow;
  health: (options: { endMs: number; seconds: number }) => HealthWindow;
};

function prune<T extends { atMs: number }>(list: T[], nowMs: number): void {
  while (list.length > 0 && list[0]!.atMs < nowMs - RETAIN_SECONDS * 1000) list.shift();
}

function within<T extends { atMs: number }>(list: T[], { endMs, seconds }: { endMs: number; seconds: number }): T[] {
  return list.filter((s) => s.atMs > endMs - seconds * 1000 && s.atMs <= endMs);
}

export function createRevisionSamples(): RevisionSamples {
  const processes: ProcessSample[] = [];
  const probes: ProbeSample[] = [];
  let failingSince = 0;
  return {
    addProcess: (sample) => {
      processes.push(sample);
      prune(processes, sample.atMs);
    },
    addProbe: (sample) => {
      probes.push(sample);
      prune(probes, sample.atMs);
      failingSince = sample.ok ? 0 : failingSince + 1;
    },
    latestProcess: () => processes.at(-1),
    consecutiveFailures: () => failingSince,
    resources: ({ endMs, seconds, memoryLimitBytes }) => {
      const inWindow = within(processes, { endMs, seconds });
      const last = inWindow.at(-1);
      // CPU is a counter: measured from the last reading before the window (if kept) to the last inside it.
      const before = processes.filter((s) => s.atMs <= endMs - seconds * 1000).at(-1);
      const base = before ?? inWindow[0];
      const cpuPercent =
        last && base && last.atMs > base.atMs ? ((last.cpuSeconds - base.cpuSeconds) / ((last.atMs - base.atMs) / 1000)) * 100 : null;
      const meanRss = inWindow.length > 0 ? inWindow.reduce((sum, s) => sum + s.rssBytes, 0) / inWindow.length : null;
      return {
        samples: inWindow.length,
        cpuPercent,
        memoryPercent: meanRss === null ? null : (meanRss / memoryLimitBytes) * 100,
        rssBytes: last?.rssBytes ?? null,
        memoryLimitBytes,
      };
    },
    health: (options) => {
      const inWindow = within(probes, options);
      let run = 0;
      let longest = 0;
      for (const probe of inWindow) {
        run = probe.ok ? 0 : run + 1;
        longest = Math.max(longest, run);
      }
      return { probes: inWindow.length, failures: inWindow.filter((p) => !p.ok).length, maxConsecutiveFailures: longest };
    },
  };
}
