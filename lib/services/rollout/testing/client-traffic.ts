// Steady client traffic to a target while a test or a benchmark watches its rollout: a few requests in
// flight, each answer's wall-clock time, revision and success kept. Failed requests are the point (a bad
// release answers 500s), so they are recorded, never thrown. Also when a breach first showed in them.
export type ClientSample = { at: number; revision: string | null; ok: boolean };

export type ClientTraffic = { samples: ClientSample[]; sent: () => number; stop: () => Promise<void> };

export function startClientTraffic({
  url,
  concurrency = 4,
  pauseMs = 20,
}: {
  url: string;
  concurrency?: number;
  pauseMs?: number;
}): ClientTraffic {
  const samples: ClientSample[] = [];
  let running = true;
  const loop = async () => {
    while (running) {
      const res = await fetch(url).catch(() => null);
      await res?.arrayBuffer().catch(() => undefined);
      samples.push({ at: Date.now(), revision: res?.headers.get("x-revision") ?? null, ok: res?.ok ?? false });
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  return {
    samples,
    sent: () => samples.length,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** When `candidate`'s error rate over the trailing window first exceeded `percent` with enough samples, as clients saw it. */
export function breachVisibleAt({
  samples,
  candidate,
  windowSeconds,
  minSamples,
  percent,
}: {
  samples: ClientSample[];
  candidate: string;
  windowSeconds: number;
  minSamples: number;
  percent: number;
}): number {
  const mine = samples.filter((s) => s.revision === candidate).sort((a, b) => a.at - b.at);
  const found = mine.find((s) => {
    const inWindow = mine.filter((o) => o.at > s.at - windowSeconds * 1000 && o.at <= s.at);
    return inWindow.length >= minSamples && (100 * inWindow.filter((o) => !o.ok).length) / inWindow.length > percent;
  });
  if (!found) throw new Error(`the candidate never showed a breach in ${mine.length} responses`);
  return found.at;
}
