// Analysis under real traffic: breach → rollback started over N bad canaries, against the analysis interval,
// and N good canaries through the same analysis with no false rollback. A real worker runs every rollout, the
// local provider runs real sample-service processes, the bench's own requests flow through the proxy, and
// the breach time is when the bench's own responses first showed it (as the integration test measures it).
//   npm run bench -- analysis      (CANARIES=20 by default)
import { breachVisibleAt, startClientTraffic } from "@/lib/services/rollout/testing/client-traffic";
import { ms, percentile, startBenchStack } from "./bench-stack";

const CANARIES = Number(process.env.CANARIES ?? 20);

// The pause outlasts the bad release's first errors (5 s after its process starts, after its smoke run), so a
// bad canary can only end by analysis, and a good one has to pass 10 s of judged traffic.
export async function benchAnalysisCanaries(): Promise<Record<string, string>> {
  const stack = await startBenchStack("analysis");
  const { ERROR_ANALYSIS } = await import("@/lib/services/rollout/testing/engine-fixtures");
  const { intervalSeconds, windowSeconds, minSampleRequests: minSamples, thresholdPercent: percent } = ERROR_ANALYSIS;
  try {
    const { getDb } = await import("@/lib/db");
    const fx = await import("@/lib/services/rollout/testing/engine-fixtures");
    const { startDeployment } = await import("@/lib/services/rollout/start-deployment");
    const { getProvider } = await import("@/lib/services/rollout/get-provider");
    stack.startWorker();
    const principal = await fx.createPrincipal("release_manager");
    const { environment, service, target } = await fx.createTarget({ strategy: "canary", canarySteps: [50, 100], stepPauseSeconds: 10 });
    await fx.enableErrorAnalysis({ serviceId: service.id });
    let version = 0;
    const deploy = async (env?: Record<string, string>, strategy?: "rolling") => {
      const release = await fx.createRelease(service.id, `1.0.${(version += 1)}`, principal.userId);
      if (env) await getDb().release.update({ where: { id: release.id }, data: { env } });
      const { id } = await startDeployment({
        principal,
        input: { releaseId: release.id, environment: environment.slug, strategy, waitForWindow: false },
      });
      return fx.waitForState(id, ["succeeded", "rolled_back", "failed", "paused"], 120_000);
    };
    await deploy(undefined, "rolling");
    const status = await getProvider("local").getStatus({
      target: { id: target.id, providerType: "local", providerConfig: target.providerConfig },
    });
    const traffic = startClientTraffic({ url: new URL("/work", status.url!).toString() });
    const delays: number[] = [];
    const good: string[] = [];
    try {
      for (let i = 0; i < CANARIES; i += 1) {
        const done = await deploy({ ERROR_RATE: "0.2", ERRORS_AFTER_SECONDS: "5" });
        if (done.state !== "rolled_back") throw new Error(`bad canary ${i + 1} ended ${done.state}: ${done.error ?? ""}`);
        const started = done.events.find((e) => e.type === "error" && e.message === done.error)!.createdAt.getTime();
        const visible = breachVisibleAt({
          samples: traffic.samples,
          candidate: done.revision!,
          windowSeconds,
          minSamples,
          percent,
        });
        delays.push(started - visible);
      }
      for (let i = 0; i < CANARIES; i += 1) good.push((await deploy()).state);
    } finally {
      await traffic.stop();
    }
    const interval = intervalSeconds * 1000;
    const worst = Math.max(...delays);
    const falseRollbacks = good.filter((s) => s !== "succeeded").length;
    return {
      "bad canaries (20 % errors from 5 s after start), each rolled back": String(delays.length),
      "breach visible → rollback started p50 / worst": `${ms(percentile(delays, 50))} / ${ms(worst)}`,
      "worst ÷ analysis interval": `${(worst / interval).toFixed(2)}× (bound: interval + 1 s = ${((interval + 1000) / interval).toFixed(1)}×)`,
      "good canaries through the same analysis, succeeded": `${good.length - falseRollbacks} of ${good.length} (false rollbacks: ${falseRollbacks})`,
      "requests sent by the bench": String(traffic.sent()),
    };
  } finally {
    await stack.close();
  }
}
