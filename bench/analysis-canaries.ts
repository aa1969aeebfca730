// Analysis under real traffic: breach → rollback started over N bad canaries, against the analysis interval,
// and N good canaries through the same analysis with no false rollback. A real worker runs every rollout, the
// local provider runs real sample-service processes and the bench's own requests flow through the proxy.
// Run once per metrics source: `local` (the proxy's counters; the breach time is when the bench's own
// responses first showed it) and `prometheus` (a private Prometheus scraping the proxy every second; the
// breach time is when the analysis' own query first showed it, polled every 100 ms).
//   npm run bench -- analysis      (CANARIES=20 by default; ANALYSIS_SOURCES=local,prometheus by default)
import { freePort } from "@/lib/testing/own-redis";
import { startOwnPrometheus } from "@/lib/testing/own-prometheus";
import { breachVisibleAt, startClientTraffic } from "@/lib/services/rollout/testing/client-traffic";
import { watchForBreach } from "@/lib/services/rollout/testing/prometheus-breach";
import { ms, percentile, startBenchStack } from "./bench-stack";

const CANARIES = Number(process.env.CANARIES ?? 20);
const SOURCES = (process.env.ANALYSIS_SOURCES ?? "local,prometheus").split(",") as ("local" | "prometheus")[];

type Fixtures = typeof import("@/lib/services/rollout/testing/engine-fixtures");

/** A canary target analysed by `source`, with 1.0.0 running; `deploy` waits for the rollout's end. */
async function canaryTarget(fx: Fixtures, source: "local" | "prometheus", prometheusUrl: string | null, metricsPort: number) {
  const { getDb } = await import("@/lib/db");
  const { startDeployment } = await import("@/lib/services/rollout/start-deployment");
  const { getProvider } = await import("@/lib/services/rollout/get-provider");
  const principal = await fx.createPrincipal("release_manager");
  const { environment, service, target } = await fx.createTarget({ strategy: "canary", canarySteps: [50, 100], stepPauseSeconds: 10 });
  const providerConfig = { ...(target.providerConfig as object), metricsPort };
  const metricsSource = source === "prometheus" ? { type: "prometheus", url: prometheusUrl!, timeoutMs: 1000 } : { type: "local" };
  await getDb().target.update({ where: { id: target.id }, data: { providerConfig, metricsSource } });
  await fx.enableErrorAnalysis({ serviceId: service.id });
  let version = 0;
  const start = async (env?: Record<string, string>, strategy?: "rolling") => {
    const release = await fx.createRelease(service.id, `1.0.${(version += 1)}`, principal.userId);
    if (env) await getDb().release.update({ where: { id: release.id }, data: { env } });
    const input = { releaseId: release.id, environment: environment.slug, strategy, waitForWindow: false };
    return (await startDeployment({ principal, input })).id;
  };
  const ends = ["succeeded", "rolled_back", "failed", "paused"] as const;
  await fx.waitForState(await start(undefined, "rolling"), ["succeeded"], 120_000);
  const status = await getProvider("local").getStatus({ target: { id: target.id, providerType: "local", providerConfig } });
  return { target, metricsSource, start, finish: (id: string) => fx.waitForState(id, [...ends], 120_000), url: status.url! };
}

async function runSource(source: "local" | "prometheus"): Promise<Record<string, string>> {
  const metricsPort = await freePort();
  const prometheus = source === "prometheus" ? await startOwnPrometheus({ targets: [`127.0.0.1:${metricsPort}`] }) : null;
  const fx = await import("@/lib/services/rollout/testing/engine-fixtures");
  const { getDb } = await import("@/lib/db");
  const { intervalSeconds, windowSeconds, minSampleRequests: minSamples, thresholdPercent: percent } = fx.ERROR_ANALYSIS;
  try {
    const canary = await canaryTarget(fx, source, prometheus?.url ?? null, metricsPort);
    const traffic = startClientTraffic({ url: new URL("/work", canary.url).toString() });
    const delays: number[] = [];
    const good: string[] = [];
    try {
      for (let i = 0; i < CANARIES; i += 1) {
        const id = await canary.start({ ERROR_RATE: "0.2", ERRORS_AFTER_SECONDS: "5" });
        const revision = (await getDb().deployment.findUniqueOrThrow({ where: { id } })).revision;
        const watch = prometheus
          ? watchForBreach({
              config: canary.metricsSource,
              targetId: canary.target.id,
              candidate: () => revision,
              windowSeconds,
              minSamples,
              percent,
            })
          : null;
        const done = await canary.finish(id);
        const seen = watch
          ? await watch.seenAt()
          : breachVisibleAt({ samples: traffic.samples, candidate: done.revision!, windowSeconds, minSamples, percent });
        if (done.state !== "rolled_back") throw new Error(`bad canary ${i + 1} ended ${done.state}: ${done.error ?? ""}`);
        if (seen === null) throw new Error(`bad canary ${i + 1}: the breach never showed in Prometheus before the rollback`);
        delays.push(done.events.find((e) => e.type === "error" && e.message === done.error)!.createdAt.getTime() - seen);
      }
      for (let i = 0; i < CANARIES; i += 1) good.push((await canary.finish(await canary.start())).state);
    } finally {
      await traffic.stop();
    }
    const interval = intervalSeconds * 1000;
    const worst = Math.max(...delays);
    const falseRollbacks = good.filter((s) => s !== "succeeded").length;
    return {
      [`${source}: bad canaries (20 % errors from 5 s after start), each rolled back`]: String(delays.length),
      [`${source}: breach visible → rollback started p50 / worst`]: `${ms(percentile(delays, 50))} / ${ms(worst)}`,
      [`${source}: worst ÷ analysis interval`]: `${(worst / interval).toFixed(2)}× (bound: interval + 1 s = ${((interval + 1000) / interval).toFixed(1)}×)`,
      [`${source}: good canaries through the same analysis, succeeded`]: `${good.length - falseRollbacks} of ${good.length} (false rollbacks: ${falseRollbacks})`,
      [`${source}: requests sent by the bench`]: String(traffic.sent()),
    };
  } finally {
    await prometheus?.stop();
  }
}

// The pause outlasts the bad release's first errors (5 s after its process starts, after its smoke run), so a
// bad canary can only end by analysis, and a good one has to pass 10 s of judged traffic.
export async function benchAnalysisCanaries(): Promise<Record<string, string>> {
  const stack = await startBenchStack("analysis");
  try {
    stack.startWorker();
    const figures: Record<string, string> = {};
    for (const source of SOURCES) Object.assign(figures, await runSource(source));
    return figures;
  } finally {
    await stack.close();
  }
}
