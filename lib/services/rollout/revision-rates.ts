// Turns the provider's cumulative per-revision counters into rates. The server keeps a few recent samples
// per target in memory (read-only, per process) and compares the newest with one at least MIN_WINDOW_MS
// older, so several viewers polling at once still get a meaningful window.
import type { RevisionMetrics, TargetMetrics } from "@/lib/providers/types";

const MIN_WINDOW_MS = 2_000;
const KEEP_MS = 60_000;
const MAX_SAMPLES = 40;

export type RevisionRates = {
  revision: string;
  /** requests per second over the window; null until two samples exist */
  requestRate: number | null;
  /** 5xx share of the window's requests (0..1); null without requests */
  errorRate: number | null;
  /** estimated from the latency histogram; null without requests */
  p95Ms: number | null;
  /** totals since the revision started */
  totalRequests: number;
  windowSeconds: number | null;
};

type Sample = { at: number; metrics: TargetMetrics };
const samples = new Map<string, Sample[]>();

/** p95 by linear interpolation inside the bucket that crosses 95 % of the requests. */
export function estimateP95(boundsMs: number[], counts: number[]): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const wanted = total * 0.95;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i]!;
    if (seen + count >= wanted && count > 0) {
      const lower = i === 0 ? 0 : boundsMs[i - 1]!;
      const upper = boundsMs[i] ?? lower; // above the last bound: report the bound, a lower estimate
      return Math.round((lower + ((wanted - seen) / count) * (upper - lower)) * 10) / 10;
    }
    seen += count;
  }
  return boundsMs.at(-1) ?? null;
}

function delta(now: RevisionMetrics, before: RevisionMetrics | undefined) {
  // A restarted revision resets its counters; then the window starts at zero.
  const reset = !before || before.requests > now.requests;
  const base = reset ? undefined : before;
  return {
    requests: now.requests - (base?.requests ?? 0),
    errors: now.statusClasses["5xx"] - (base?.statusClasses["5xx"] ?? 0),
    counts: now.latencyMs.counts.map((c, i) => c - (base?.latencyMs.counts[i] ?? 0)),
  };
}

export function computeRates(latest: TargetMetrics, previous: TargetMetrics | null): RevisionRates[] {
  const seconds = previous ? (Date.parse(latest.sampledAt) - Date.parse(previous.sampledAt)) / 1000 : null;
  return latest.revisions.map((now) => {
    const before = previous?.revisions.find((r) => r.revision === now.revision);
    const d = previous ? delta(now, before) : { requests: now.requests, errors: now.statusClasses["5xx"], counts: now.latencyMs.counts };
    return {
      revision: now.revision,
      requestRate: seconds && seconds > 0 ? Math.round((d.requests / seconds) * 10) / 10 : null,
      errorRate: d.requests > 0 ? d.errors / d.requests : null,
      p95Ms: estimateP95(now.latencyMs.boundsMs, d.counts),
      totalRequests: now.requests,
      windowSeconds: seconds,
    };
  });
}

/** Records the sample and returns rates against the newest kept sample at least MIN_WINDOW_MS older. */
export function ratesForTarget(targetId: string, latest: TargetMetrics, now = Date.now()): RevisionRates[] {
  const kept = (samples.get(targetId) ?? []).filter((s) => now - s.at <= KEEP_MS);
  const previous = kept.filter((s) => now - s.at >= MIN_WINDOW_MS).at(-1) ?? null;
  kept.push({ at: now, metrics: latest });
  samples.set(targetId, kept.slice(-MAX_SAMPLES));
  return computeRates(latest, previous?.metrics ?? null);
}
