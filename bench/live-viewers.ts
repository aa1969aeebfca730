// Live updates against their audience: Postgres transactions per second while one deployment is live (an
// event appended every 250 ms and its traffic moved every second, written as the engine writes them), with 1
// and then 100 viewers following it over real HTTP server-sent events through the real route handler,
// measured in the same run over equal windows. The bar: 100 viewers cost within 2× of one.
//   npm run bench -- viewers      (VIEWERS=100, WINDOW_S=10 by default)
import pg from "pg";
import { generateApiToken } from "@/lib/auth/api-token";
import { readSse, type SseReader } from "@/lib/testing/sse-client";
import { startBenchStack, ms, percentile } from "./bench-stack";
import { serveRoute } from "@/lib/testing/serve-route";

const VIEWERS = Number(process.env.VIEWERS ?? 100);
const WINDOW_S = Number(process.env.WINDOW_S ?? 10);
/** Long enough for Postgres to flush each backend's statistics (at most once a second) from what came before. */
const SETTLE_MS = 3_000;

type Viewer = { sse: SseReader; abort: AbortController };

async function createLiveDeployment(): Promise<{ id: string; token: string }> {
  const { getDb } = await import("@/lib/db");
  const fx = await import("@/lib/services/rollout/testing/engine-fixtures");
  const principal = await fx.createPrincipal("viewer");
  const { target, service } = await fx.createTarget({ strategy: "canary" });
  const release = await fx.createRelease(service.id, "1.0.0", principal.userId);
  const deployment = await getDb().deployment.create({
    data: {
      releaseId: release.id,
      targetId: target.id,
      activeTargetId: target.id,
      strategy: "canary",
      state: "stepping",
      startedAt: new Date(),
    },
  });
  const { token, prefix, tokenHash } = generateApiToken();
  await getDb().apiToken.create({ data: { name: "bench", prefix, tokenHash, role: "viewer", ownerId: principal.userId } });
  return { id: deployment.id, token };
}

/** Writes like a busy rollout until stopped; remembers when each event was written. */
async function driveDeployment(id: string): Promise<{ writtenAt: Map<string, number>; stop: () => Promise<void> }> {
  const { getDb } = await import("@/lib/db");
  const { appendEvent } = await import("@/lib/services/rollout/append-event");
  const writtenAt = new Map<string, number>();
  let running = true;
  const loop = (async () => {
    for (let n = 1; running; n += 1) {
      const message = `bench event ${n}`;
      writtenAt.set(message, performance.now());
      await appendEvent(getDb(), { deploymentId: id, type: "traffic_set", message });
      if (n % 4 === 0) await getDb().deployment.update({ where: { id }, data: { trafficPercent: (n / 4) % 100 } });
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return { writtenAt, stop: async () => ((running = false), await loop) };
}

async function openViewer(url: string, token: string): Promise<Viewer> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" }, signal: abort.signal });
  if (response.status !== 200 || !response.body) throw new Error(`the stream answered ${response.status}: ${await response.text()}`);
  const sse = readSse(response.body);
  await sse.waitFor((f) => f.event === "state", { timeoutMs: 30_000, what: "the first state" });
  return { sse, abort };
}

/** Commits per second in the bench's database over a window (pg_stat_database: every backend's commits). The
 *  load is steady, so the statistics' flush delay (up to a second per backend) is the same at both ends. */
async function transactionsPerSecond(client: pg.Client): Promise<{ perSecond: number; from: number; to: number }> {
  const read = async () => {
    await client.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await client.query<{ n: string }>("SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()");
    return Number(rows[0]!.n);
  };
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const before = await read();
  const from = performance.now();
  await new Promise((r) => setTimeout(r, WINDOW_S * 1000));
  const to = performance.now();
  return { perSecond: ((await read()) - before) / ((to - from) / 1000), from, to };
}

/** Delay from each event's write to its arrival, for every viewer, over the window. */
function deliveryDelays(viewers: Viewer[], writtenAt: Map<string, number>, window: { from: number; to: number }): number[] {
  return viewers.flatMap((v) =>
    v.sse.frames
      .filter((f) => f.event === "event" && f.at >= window.from && f.at <= window.to)
      .map((f) => f.at - (writtenAt.get((f.data as { message: string }).message) ?? f.at)),
  );
}

export async function benchLiveViewers(): Promise<Record<string, string>> {
  const stack = await startBenchStack("viewers");
  const stats = new pg.Client({ connectionString: stack.env.DATABASE_URL });
  const viewers: Viewer[] = [];
  let stopDriving = async () => undefined as void;
  let stopServing = async () => undefined as void;
  try {
    await stats.connect();
    const { GET } = await import("@/app/api/v1/deployments/[id]/events/route");
    const { countDeploymentFeeds } = await import("@/lib/services/rollout/subscribe-to-deployment");
    const { id, token } = await createLiveDeployment();
    const server = await serveRoute({ handler: GET, params: (url) => ({ id: url.pathname.split("/")[4] ?? "" }) });
    stopServing = server.close;
    const streamUrl = `${server.url}/api/v1/deployments/${id}/events`;
    const driver = await driveDeployment(id);
    stopDriving = driver.stop;
    viewers.push(await openViewer(streamUrl, token));
    const one = await transactionsPerSecond(stats);
    const oneDelays = deliveryDelays(viewers, driver.writtenAt, one);
    viewers.push(...(await Promise.all(Array.from({ length: VIEWERS - 1 }, () => openViewer(streamUrl, token)))));
    const many = await transactionsPerSecond(stats);
    const manyDelays = deliveryDelays(viewers, driver.writtenAt, many);
    const perViewer = viewers.map((v) => v.sse.frames.filter((f) => f.event === "event" && f.at >= many.from && f.at <= many.to).length);
    const ratio = many.perSecond / one.perSecond;
    return {
      "live deployment": `an event every 250 ms and a traffic change every second, ${WINDOW_S} s windows`,
      "Postgres transactions/s with 1 viewer": one.perSecond.toFixed(1),
      [`Postgres transactions/s with ${VIEWERS} viewers`]: `${many.perSecond.toFixed(1)} (${countDeploymentFeeds()} feed in the web process)`,
      [`ratio (${VIEWERS} viewers ÷ 1)`]: `${ratio.toFixed(2)}×`,
      "within 2× of one viewer": ratio <= 2 ? "met" : "MISSED",
      [`events each of the ${VIEWERS} viewers received in the window`]: `${Math.min(...perViewer)}–${Math.max(...perViewer)}`,
      "event written → viewer, p50 / p99 (1 viewer)": `${ms(percentile(oneDelays, 50))} / ${ms(percentile(oneDelays, 99))}`,
      [`event written → viewer, p50 / p99 (${VIEWERS} viewers)`]: `${ms(percentile(manyDelays, 50))} / ${ms(percentile(manyDelays, 99))}`,
    };
  } finally {
    for (const v of viewers) v.abort.abort();
    await Promise.all(viewers.map((v) => v.sse.close()));
    await stopDriving();
    await stopServing();
    await stats.end().catch(() => undefined);
    await stack.close();
  }
}
