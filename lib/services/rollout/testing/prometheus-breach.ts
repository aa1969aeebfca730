// When a breach first showed in Prometheus: polls the analysis' own error-rate query every 100 ms, so a
// test or a bench can time the rollback against what the analysis itself could have seen.
import { createMetricsSource } from "@/lib/metrics/registry";

export function watchForBreach({
  config,
  targetId,
  candidate,
  windowSeconds,
  minSamples,
  percent,
}: {
  /** The target's metrics source as stored (the registry validates it). */
  config: unknown;
  targetId: string;
  /** The revision under test once it is known (null before the deploy names it). */
  candidate: () => string | null;
  windowSeconds: number;
  minSamples: number;
  percent: number;
}): { seenAt: () => Promise<number | null> } {
  const source = createMetricsSource(config);
  let seenAt: number | null = null;
  let running = true;
  const done = (async () => {
    while (running && seenAt === null) {
      const name = candidate();
      if (name) {
        const now = new Date();
        const { candidate: m } = await source.measure({
          metric: "error_rate",
          target: { id: targetId },
          revisions: { candidate: name },
          windowSeconds,
          now,
        });
        if (m.sampleCount >= minSamples && (m.value ?? 0) > percent) seenAt = now.getTime();
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return { seenAt: async () => ((running = false), await done, seenAt) };
}
