// One worker driving many concurrent canaries on the Kubernetes test cluster (pods simulated without processes):
// the worker's resident memory, event-loop lag and CPU (from its heartbeat vitals) while idle and while the
// canaries run, their wall time, and where the work went: the API calls the cluster served per rollout (and the
// TLS handshakes behind them), the cluster's own CPU per call, and Postgres transactions per rollout. Every step
// is a real @kubernetes/client-node call against the test cluster running as a child process; each target has
// a namespace of its own. A blue-green wave first moves every target onto revision Deployments.
//   npm run bench -- kubernetes      (CANARIES=1000 by default; PAUSE_SECONDS=20 at the 50 % step)
import { mkdirSync } from "node:fs";
import path from "node:path";
import { AppsV1Api, CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { inBatches, percentile, startBenchStack, tally } from "./bench-stack";

const CANARIES = Number(process.env.CANARIES ?? 1000);
const PAUSE_SECONDS = Number(process.env.PAUSE_SECONDS ?? 20);
const BATCH = 50;
// Starting a deployment is a serializable transaction: a few at a time, so the bench's own pool keeps up.
const START_BATCH = 10;
const ENDS = ["succeeded", "failed", "rolled_back", "aborted"];

type Vitals = { rssMb: number; lagMs: number; cpuMs: number; seenAt: number };
type ClusterStats = { apiRequests: number; tlsHandshakes: number; cpuMs: number };

export async function benchKubernetesCanaries(): Promise<Record<string, string>> {
  const stack = await startBenchStack("kubernetes");
  const stateDir = path.join(stack.env.LOCAL_PROVIDER_STATE_DIR!, "cluster");
  mkdirSync(stateDir, { recursive: true });
  const { spawnTestCluster } = await import("@/lib/providers/kubernetes/testing/spawn-test-cluster");
  const { deploymentManifest, serviceManifest } = await import("@/lib/providers/kubernetes/testing/test-cluster-fixtures");
  const cluster = await spawnTestCluster({
    stateDir,
    podMode: "simulated",
    simulatedReadyDelayMs: 300,
  });
  const clusterStats = async () =>
    (await (
      await fetch(`${cluster.httpUrl}/_testcluster/stats`, { headers: { authorization: `Bearer ${cluster.adminToken}` } })
    ).json()) as ClusterStats;
  try {
    const { getDb } = await import("@/lib/db");
    const fx = await import("@/lib/services/rollout/testing/engine-fixtures");
    const { startDeployment } = await import("@/lib/services/rollout/start-deployment");
    const { getReadyRedis } = await import("@/lib/redis");
    const { waitUntil } = await import("@/lib/testing/own-redis");
    const kc = new KubeConfig();
    kc.loadFromString(cluster.kubeconfig);
    const [core, apps] = [kc.makeApiClient(CoreV1Api), kc.makeApiClient(AppsV1Api)];
    const principal = await fx.createPrincipal("release_manager");
    const targets: { environment: string; serviceId: string }[] = [];
    await inBatches(Array.from({ length: CANARIES }), BATCH, async (_, i) => {
      const namespace = `bench-${i}`;
      await core.createNamespace({ body: { metadata: { name: namespace } } });
      await apps.createNamespacedDeployment({ namespace, body: deploymentManifest({ name: "web", image: "sample:0.9.0", replicas: 1 }) });
      await core.createNamespacedService({ namespace, body: serviceManifest({ name: "web", selector: { app: "web" } }) });
      const config = {
        namespace,
        deployment: "web",
        container: "app",
        service: "web",
        replicas: 2,
        kubeconfig: { source: "file" as const, path: cluster.kubeconfigPath },
        candidateAccess: { mode: "service-proxy" as const },
      };
      const { environment, service } = await fx.createTarget({
        strategy: "canary",
        canarySteps: [50, 100],
        stepPauseSeconds: PAUSE_SECONDS,
        kubernetes: config,
        postDeploy: { checks: 1, seconds: 1 },
      });
      // Simulated pods answer /health like the sample service, not MCP: the health check stands in for the suite.
      await getDb().service.update({ where: { id: service.id }, data: { smokeSuite: [] } });
      targets[i] = { environment: environment.slug, serviceId: service.id };
    });
    stack.startWorker();
    const redis = await getReadyRedis();
    const sampleVitals = (untilDone: () => boolean) => {
      const seen: Vitals[] = [];
      let last = "";
      const done = (async () => {
        while (!untilDone()) {
          const keys = await redis.keys(`${stack.env.REDIS_PREFIX}:worker:*`);
          const info = keys[0] ? await redis.hgetall(keys[0]) : {};
          if (info.lastBeatAt && info.lastBeatAt !== last) {
            last = info.lastBeatAt;
            seen.push({ rssMb: Number(info.rssMb), lagMs: Number(info.eventLoopLagP99Ms), cpuMs: Number(info.cpuMs), seenAt: Date.now() });
          }
          await new Promise((r) => setTimeout(r, 250));
        }
        return seen;
      })();
      return done;
    };
    // Idle: from 5 s after the worker's first heartbeat (past its start-up), for 10 s.
    await waitUntil(
      async () => {
        if ((await redis.keys(`${stack.env.REDIS_PREFIX}:worker:*`)).length === 0) throw new Error("no heartbeat yet");
      },
      { timeoutMs: 60_000, what: "the worker's first heartbeat" },
    );
    await new Promise((r) => setTimeout(r, 5_000));
    let idleOver = false;
    const idle = sampleVitals(() => idleOver);
    await new Promise((r) => setTimeout(r, 10_000));
    idleOver = true;
    const idleVitals = await idle;
    let version = 0;
    let startSeconds = 0;
    const deployAll = async (strategy?: "blue_green") => {
      version += 1;
      const ids: string[] = [];
      const began = Date.now();
      await inBatches(targets, START_BATCH, async (t, i) => {
        const release = await fx.createRelease(t.serviceId, `1.0.${version}`, principal.userId);
        ids[i] = (
          await startDeployment({
            principal,
            input: { releaseId: release.id, environment: t.environment, strategy, waitForWindow: false },
          })
        ).id;
      });
      startSeconds = (Date.now() - began) / 1000;
      // One query for all of them every second: a poller per rollout would be the bench's own load.
      const deadline = Date.now() + 30 * 60_000;
      for (;;) {
        const rows = await getDb().deployment.findMany({ where: { id: { in: ids } }, select: { state: true, error: true } });
        const states = rows.map((r) => r.state as string);
        if (states.every((st) => ENDS.includes(st))) return rows.map((r) => ({ state: r.state as string, error: r.error }));
        if (Date.now() > deadline)
          throw new Error(`rollouts still running after 30 min: ${JSON.stringify(states.filter((st) => !ENDS.includes(st)).slice(0, 5))}`);
        await new Promise((r) => setTimeout(r, 1_000));
      }
    };
    const firstStates = await deployAll("blue_green");
    let busyOver = false;
    const busy = sampleVitals(() => busyOver);
    const commits = async () =>
      Number(
        (await getDb().$queryRaw<{ n: bigint }[]>`SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()`)[0]!.n,
      );
    const [before, commitsBefore] = [await clusterStats(), await commits()];
    const started = Date.now();
    const states = await deployAll();
    const wallSeconds = (Date.now() - started) / 1000;
    busyOver = true;
    const busyVitals = await busy;
    const after = await clusterStats();
    // Postgres publishes its counters about once a second.
    await new Promise((r) => setTimeout(r, 1_500));
    const transactions = (await commits()) - commitsBefore;
    const calls = after.apiRequests - before.apiRequests;
    // Share of one core between the first and the last heartbeat of a phase.
    const coreShare = (v: Vitals[]) => (100 * (v.at(-1)!.cpuMs - v[0]!.cpuMs)) / (v.at(-1)!.seenAt - v[0]!.seenAt);
    const workerCpuMs = busyVitals.at(-1)!.cpuMs - busyVitals[0]!.cpuMs;
    // Why any did not succeed, in the deployment's own words (the three most frequent reasons).
    const outcomes = (list: { state: string; error: string | null }[]) => {
      const reasons = tally(
        list.flatMap((o) => (o.error ? [o.error] : [])),
        3,
      );
      return `${tally(list.map((o) => o.state))}${reasons ? ` — ${reasons}` : ""}`;
    };
    const max = (values: number[]) => Math.max(...values);
    return {
      canaries: `${CANARIES} concurrent, steps 50 % (paused ${PAUSE_SECONDS} s) → 100 %, 2 simulated pods per revision, one worker`,
      "first (blue-green) deploys": outcomes(firstStates),
      "canary outcomes": outcomes(states),
      "canary wall time": `${wallSeconds.toFixed(1)} s from the first start to the last end (the bench took ${startSeconds.toFixed(1)} s to start them, ${START_BATCH} at a time)`,
      "worker RSS idle → canaries (max)": `${max(idleVitals.map((v) => v.rssMb))} MB → ${max(busyVitals.map((v) => v.rssMb))} MB`,
      "worker event-loop lag p99 per beat, idle (max) → canaries (median / max)": `${max(idleVitals.map((v) => v.lagMs))} ms → ${percentile(
        busyVitals.map((v) => v.lagMs),
        50,
      )} ms / ${max(busyVitals.map((v) => v.lagMs))} ms`,
      "API calls per canary rollout": `${(calls / CANARIES).toFixed(1)} (${calls} in all, as the test cluster counted them), over ${after.tlsHandshakes - before.tlsHandshakes} TLS handshakes`,
      "worker CPU, idle → canaries": `${coreShare(idleVitals).toFixed(1)} % of a core → ${coreShare(busyVitals).toFixed(1)} % (${(workerCpuMs / CANARIES).toFixed(1)} ms per rollout)`,
      "test cluster CPU during the canaries": `${((after.cpuMs - before.cpuMs) / 1000).toFixed(1)} s, ${((after.cpuMs - before.cpuMs) / calls).toFixed(2)} ms per API call`,
      "Postgres transactions per canary rollout": `${(transactions / CANARIES).toFixed(1)} (the bench's own state poll included)`,
    };
  } finally {
    await cluster.stop();
    await stack.close();
  }
}
