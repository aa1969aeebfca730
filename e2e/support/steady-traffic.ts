// Steady client traffic to a target while a journey watches its rollout: a few requests in flight at a time,
// as analysis needs real requests to judge. Failed requests are the point (a bad release answers 500s), so
// they are counted, never thrown.
export type SteadyTraffic = { sent: () => number; stop: () => Promise<void> };

export function startSteadyTraffic({
  url,
  concurrency = 4,
  pauseMs = 20,
}: {
  url: string;
  concurrency?: number;
  pauseMs?: number;
}): SteadyTraffic {
  let running = true;
  let sent = 0;
  const loop = async () => {
    while (running) {
      const response = await fetch(url).catch(() => null);
      await response?.arrayBuffer().catch(() => undefined);
      sent += 1;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  return {
    sent: () => sent,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}
