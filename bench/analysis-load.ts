// One worker's CPU while it analyses many concurrent canaries, against the same worker idle. Each canary is a
// Cloud Run target of the test server (simulated revisions: no process per revision, the server's URLs answer
// for them and count every request into its Cloud Run request metrics); a private Prometheus scrapes those
// metrics every second and every analysis tick is real PromQL over them. The bench sends steady traffic to
// every service URL, so each canary's candidate and stable revisions have real values to judge.
// The triggers are the documents' request triggers (error rate, p99, and the dry-run error rate and p95
// baseline); the test server exports no memory or health-probe series for Cloud Run, so those two stay off.
// CPU is the worker process' own (utime + stime in /proc/<pid>/stat), over a window while every canary is in
// its analysis pause, and over a window of the same length before any deploy started.
//   npm run bench -- analysis-load      (CANARIES=200, WINDOW_SECONDS=60, RATE_PER_SERVICE=2 by default)
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { DEFAULT_ROLLBACK_TRIGGERS } from "@/lib/domain/document-defaults";
import { startCloudRunTestServer } from "@/lib/providers/cloudrun/testing/start-cloud-run-test-server";
import { startClientTraffic, type ClientTraffic } from "@/lib/services/rollout/testing/client-traffic";
import { startOwnPrometheus } from "@/lib/testing/own-prometheus";
import { inBatches, startBenchStack, tally } from "./bench-stack";

const CANARIES = Number(process.env.CANARIES ?? 200);
const WINDOW_SECONDS = Number(process.env.WINDOW_SECONDS ?? 60);
const RATE_PER_SERVICE = Number(process.env.RATE_PER_SERVICE ?? 2);
const INTERVAL_SECONDS = 10;
// Long enough that the last canary to start is still in its pause when the window ends.
const PAUSE_SECONDS = WINDOW_SECONDS + 120;
const START_BATCH = 10;
const ENDS = ["succeeded", "failed", "rolled_back", "aborted", "paused"];
const REQUEST_TRIGGERS = DEFAULT_ROLLBACK_TRIGGERS.filter((t) => ["error_rate", "p99", "p95"].includes(t.metric));

const CLOCK_TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());

/** CPU seconds the process has used so far (user + system), from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchAnalysisLoad(): Promise<Record<string, string>> {
  const stack = await startBenchStack("analysis_load");
  const dir = await mkdtemp(path.join(tmpdir(), "fd-bench-analysis-load-"));
  const server = await startCloudRunTestServer({ stateDir: dir, revisionMode: "simulated" });
  const prometheus = await startOwnPrometheus({ targets: [`127.0.0.1:${server.port}`] });
  const traffic: ClientTraffic[] = [];
  try {
    const { getDb } = await import("@/lib/db");
    const fx = await import("@/lib/services/rollout/testing/engine-fixtures");
    const { startDeployment } = await import("@/lib/services/rollout/start-deployment");
    const { CloudRunProvider } = await import("@/lib/providers/cloudrun/cloud-run-provider");
    const { toProviderTarget } = await import("@/lib/services/rollout/provider-target");
    const db = getDb();
    const principal = await fx.createPrincipal("release_manager");
    const metricsSource = { type: "prometheus", url: prometheus.url, flavour: "cloudrun", timeoutMs: 2000 };
    const analysis = {
      enabled: true,
      intervalSeconds: INTERVAL_SECONDS,
      watchPeriodSeconds: 0,
      lowTrafficPolicy: "pass",
      triggers: REQUEST_TRIGGERS,
    };
    const targets: { environment: string; serviceId: string; targetId: string }[] = [];
    await inBatches(Array.from({ length: CANARIES }), START_BATCH, async (_, i) => {
      const { environment, service, target } = await fx.createTarget({
        strategy: "canary",
        canarySteps: [50, 100],
        stepPauseSeconds: PAUSE_SECONDS,
        cloudRun: { server },
        postDeploy: { checks: 1, seconds: 1 },
      });
      // Simulated revisions answer /health like the sample service, not MCP: the health check stands in for the suite.
      await db.service.update({ where: { id: service.id }, data: { smokeSuite: [], analysis } });
      await db.target.update({ where: { id: target.id }, data: { metricsSource } });
      targets[i] = { environment: environment.slug, serviceId: service.id, targetId: target.id };
    });
    const worker = stack.startWorker();
    let version = 0;
    const deployAll = async (strategy?: "rolling") => {
      version += 1;
      const ids: string[] = [];
      await inBatches(targets, START_BATCH, async (t, i) => {
        const release = await fx.createRelease(t.serviceId, `1.0.${version}`, principal.userId);
        const input = { releaseId: release.id, environment: t.environment, strategy, waitForWindow: false };
        ids[i] = (await startDeployment({ principal, input })).id;
      });
      return ids;
    };
    const states = async (ids: string[]) =>
      (await db.deployment.findMany({ where: { id: { in: ids } }, select: { state: true } })).map((r) => r.state as string);
    const waitForEnds = async (ids: string[], timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const now = await states(ids);
        if (now.every((s) => ENDS.includes(s))) return now;
        if (Date.now() > deadline)
          throw new Error(`rollouts still running: ${JSON.stringify(now.filter((s) => !ENDS.includes(s)).slice(0, 5))}`);
        await sleep(1000);
      }
    };
    const first = await waitForEnds(await deployAll("rolling"), 10 * 60_000);
    if (first.some((s) => s !== "succeeded")) throw new Error(`first deploys: ${tally(first)}`);

    // Steady traffic to every service URL, then the idle window (the worker's timers run; no rollout does).
    const provider = new CloudRunProvider();
    for (const t of targets) {
      const row = await db.target.findUniqueOrThrow({ where: { id: t.targetId } });
      const { url } = await provider.getStatus({ target: toProviderTarget(row) });
      traffic.push(startClientTraffic({ url: `${url}/work`, concurrency: 1, pauseMs: 1000 / RATE_PER_SERVICE }));
    }
    await provider.close();
    const pid = worker.child.pid!;
    await sleep(10_000);
    const idleStart = cpuSeconds(pid);
    await sleep(WINDOW_SECONDS * 1000);
    const idleCpu = cpuSeconds(pid) - idleStart;

    // The canaries: the window opens once every one has had its first analysis tick at the 50 % step.
    const started = Date.now();
    const ids = await deployAll();
    const allStarted = (Date.now() - started) / 1000;
    for (;;) {
      const runs = await db.analysisRun.count({ where: { deploymentId: { in: ids }, phase: "canary_step", measurements: { some: {} } } });
      if (runs === ids.length) break;
      if (Date.now() - started > PAUSE_SECONDS * 1000) throw new Error(`only ${runs} of ${ids.length} canaries reached analysis`);
      await sleep(500);
    }
    const windowOpened = new Date();
    const busyStart = cpuSeconds(pid);
    await sleep(WINDOW_SECONDS * 1000);
    const busyCpu = cpuSeconds(pid) - busyStart;
    const windowClosed = new Date();
    const inWindow = { analysisRun: { deploymentId: { in: ids } }, measuredAt: { gte: windowOpened, lt: windowClosed } };
    const measurements = await db.measurement.count({ where: inWindow });
    const verdicts = await db.measurement.groupBy({ by: ["verdict"], where: { ...inWindow, revision: "candidate" }, _count: true });
    const running = await states(ids);
    const ends = await waitForEnds(ids, (PAUSE_SECONDS + 300) * 1000);
    // What did not pass, in words: query errors, failed triggers, and why a canary paused.
    const notPassed = await db.measurement.findMany({
      where: { analysisRun: { deploymentId: { in: ids } }, revision: "candidate", verdict: { in: ["fail", "error"] } },
      select: { verdict: true, trigger: true, error: true },
    });
    // The query in an error names the revision: keep what went wrong, not which revision it was.
    const whatWentWrong = tally(
      notPassed.map(
        (m) =>
          `${m.verdict} on "${m.trigger}"${m.error ? `: ${m.error.replace(/^sample count query .*?\]\)\): /, "sample count query: ")}` : ""}`,
      ),
    );
    const paused = await db.deployment.findMany({
      where: { id: { in: ids }, state: "paused" },
      select: { events: { orderBy: { id: "desc" }, take: 1, select: { message: true } } },
    });
    const pausedWhy = tally(paused.map((p) => p.events[0]?.message.slice(0, 200) ?? "(no event)"));
    const requests = traffic.reduce((sum, t) => sum + t.sent(), 0);
    const percent = (cpu: number) => `${((100 * cpu) / WINDOW_SECONDS).toFixed(1)} %`;
    return {
      canaries: `${CANARIES} concurrent Cloud Run canaries (simulated revisions), 50 % step paused ${PAUSE_SECONDS} s, one worker`,
      analysis: `${REQUEST_TRIGGERS.length} triggers (${REQUEST_TRIGGERS.map((t) => t.name).join("; ")}), every ${INTERVAL_SECONDS} s, PromQL to a real Prometheus`,
      "deploys started (all of them)": `${allStarted.toFixed(1)} s`,
      "states during the window": tally(running),
      outcomes: tally(ends),
      "measurements recorded in the window": `${measurements} (${(measurements / WINDOW_SECONDS).toFixed(1)} per second)`,
      "the candidates' verdicts in the window": verdicts.map((v) => `${v._count} ${v.verdict}`).join(", "),
      [`worker CPU, idle → analysing (${WINDOW_SECONDS} s each)`]: `${idleCpu.toFixed(2)} s → ${busyCpu.toFixed(2)} s (${percent(idleCpu)} → ${percent(busyCpu)} of one core)`,
      "analysing ÷ idle": `${(busyCpu / Math.max(idleCpu, 1 / CLOCK_TICKS_PER_SECOND)).toFixed(1)}×`,
      "worker CPU per measurement": `${((1000 * (busyCpu - idleCpu)) / Math.max(measurements, 1)).toFixed(2)} ms (above idle)`,
      "candidate measurements that failed or errored": whatWentWrong || "none",
      "paused canaries, why (their last event)": pausedWhy || "none",
      "requests sent by the bench": `${requests} (${RATE_PER_SERVICE}/s per service)`,
    };
  } finally {
    await Promise.all(traffic.map((t) => t.stop()));
    await stack.close();
    await prometheus.stop();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
