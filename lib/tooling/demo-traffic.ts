// The demo's synthetic traffic: a steady trickle of requests to every local target, so that the proxy's
// metrics, the analysis and its charts show real data instead of empty windows. Every request says what it
// is (a `user-agent` and an `x-flightdeck-synthetic` header), so nobody mistakes it for users.
import { db } from "@/lib/db";
import { getProvider } from "@/lib/services/rollout/get-provider";

export const SYNTHETIC_HEADERS = { "user-agent": "flightdeck-demo-synthetic/1", "x-flightdeck-synthetic": "demo" };

/** The traffic-splitting URL of every local target that serves something now. */
async function localTargetUrls(): Promise<string[]> {
  const targets = await db.target.findMany({
    where: { providerType: "local", archivedAt: null },
    select: { id: true, providerConfig: true },
  });
  const urls = await Promise.all(
    targets.map(async (t) => {
      const status = await getProvider("local")
        .getStatus({ target: { id: t.id, providerType: "local", providerConfig: t.providerConfig } })
        .catch(() => null);
      return status?.revisions.some((r) => r.traffic > 0) ? status.url : null;
    }),
  );
  return urls.filter((u): u is string => Boolean(u));
}

export type DemoTraffic = { sent: () => number; stop: () => Promise<void> };

/**
 * Sends `rps` requests a second to `path` of each URL `listUrls` gives (asked again every second, so targets
 * that start serving later get traffic too). Answers, errors included, are read and dropped.
 */
export function startDemoTraffic({
  rps,
  path = "/work",
  listUrls = localTargetUrls,
}: {
  rps: number;
  path?: string;
  listUrls?: () => Promise<string[]>;
}): DemoTraffic {
  let sent = 0;
  let running = true;
  const send = (base: string) =>
    fetch(new URL(path, base), { headers: SYNTHETIC_HEADERS })
      .then((res) => res.arrayBuffer())
      .catch(() => undefined)
      .finally(() => (sent += 1));
  const loop = (async () => {
    while (running) {
      const secondEnds = Date.now() + 1000;
      const urls = await listUrls().catch(() => []);
      const inFlight: Promise<unknown>[] = [];
      for (let i = 0; i < rps && running; i += 1) {
        inFlight.push(...urls.map(send));
        await new Promise((r) => setTimeout(r, Math.max(0, (secondEnds - Date.now()) / (rps - i))));
      }
      await Promise.all(inFlight);
    }
  })();
  return {
    sent: () => sent,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}
