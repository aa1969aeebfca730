// The worker process (`npm run worker`): consumes the queues of lib/queue with the processors in
// workers/processors, beats a heartbeat into Redis, and shuts down cleanly on SIGTERM / SIGINT.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Worker } from "bullmq";
import { disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { closeQueues } from "@/lib/queue/enqueue";
import { pruneMeasurements } from "@/lib/services/analysis/prune-measurements";
import { runSliTick } from "@/lib/services/sli/run-sli-tick";
import { reconcileDeployments } from "@/lib/services/rollout/reconcile-deployments";
import { wakeWaitingDeployments } from "@/lib/services/rollout/wake-waiting-deployments";
import { type Heartbeat, startHeartbeat, type WorkerInfo } from "@/lib/queue/heartbeat";
import { closeRedis, getRedis } from "@/lib/redis";
import pkg from "@/package.json" with { type: "json" };
import { startAlertEvaluator } from "./alert-evaluator";
import { processors } from "./processors";
import { startWorkers } from "./start-workers";

// Past this a stuck job should not keep the process (and a deploy of a new worker) hanging.
const SHUTDOWN_DEADLINE_MS = 30_000;

const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

async function shutdown({ workers, heartbeat, signal }: { workers: Worker[]; heartbeat: Heartbeat; signal: string }): Promise<void> {
  console.info(`worker ${workerId}: ${signal} received, finishing active jobs`);
  const deadline = setTimeout(() => {
    console.error(`worker ${workerId}: shutdown took over ${SHUTDOWN_DEADLINE_MS} ms, exiting anyway`);
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  deadline.unref();
  await Promise.allSettled(workers.map((worker) => worker.close()));
  await closeQueues();
  await disconnectDb();
  await heartbeat.stop();
  await closeRedis();
  console.info(`worker ${workerId}: stopped`);
}

// Every worker reconciles on a timer of its own rather than through a queued job: a Redis flush would take
// a queued schedule with it. Two workers reconciling at once is harmless (re-queuing is conditional). The
// same timer starts deploys that waited for their window, and prunes analysis measurements past retention.
const PRUNE_EVERY_MS = 60 * 60 * 1000;
function startReconciler(): NodeJS.Timeout {
  let running = false;
  // Retention runs on the same timer, hourly: a bulk delete every few seconds would be wasted work.
  let lastPrunedAt = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const requeued = await reconcileDeployments();
      if (requeued.length) console.info(`worker ${workerId}: reconciler re-queued ${requeued.join(", ")}`);
      const woken = await wakeWaitingDeployments();
      if (woken.length) console.info(`worker ${workerId}: window opened for ${woken.join(", ")}`);
      if (Date.now() - lastPrunedAt >= PRUNE_EVERY_MS) {
        lastPrunedAt = Date.now();
        const pruned = await pruneMeasurements({ now: new Date() });
        if (pruned) console.info(`worker ${workerId}: pruned ${pruned} measurements past retention`);
      }
    } catch (error) {
      console.warn(`worker ${workerId}: reconciler: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  void tick();
  return setInterval(() => void tick(), env().RECONCILE_INTERVAL_MS);
}

// The SLI history: every 15 s, so each completed minute is sampled soon after it ends (the supervisor keeps a
// target's per-second counters for an hour, so a late or missed tick still fills its minute exactly).
const SLI_TICK_MS = 15_000;
function startSliHistory(): NodeJS.Timeout {
  let running = false;
  let lastPrunedAt = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const prune = Date.now() - lastPrunedAt >= PRUNE_EVERY_MS;
      if (prune) lastPrunedAt = Date.now();
      const result = await runSliTick({ now: new Date(), prune });
      if (result.pruned && result.pruned.minutes + result.pruned.hours > 0)
        console.info(`worker ${workerId}: pruned ${result.pruned.minutes} minute and ${result.pruned.hours} hour SLI rows`);
    } catch (error) {
      console.warn(`worker ${workerId}: SLI history: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  void tick();
  return setInterval(() => void tick(), SLI_TICK_MS);
}

/** The heartbeat's info plus memory, CPU time so far and the event loop's p99 delay since the previous beat (ops and bench read them). */
function withVitals(info: WorkerInfo): () => WorkerInfo {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  return () => {
    const cpu = process.cpuUsage();
    const vitals = {
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
      eventLoopLagP99Ms: Math.round(delay.percentile(99) / 1e5) / 10,
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    };
    delay.reset();
    return { ...info, ...vitals };
  };
}

function main(): void {
  const settings = env();
  const names = Object.keys(processors);
  console.info(
    `worker ${workerId}: flightdeck ${pkg.version}, node ${process.version}, prefix "${settings.REDIS_PREFIX}", jobs: ${names.join(", ")}`,
  );
  const workers = startWorkers({ registry: processors, workerId });
  const info = { host: hostname(), pid: process.pid, startedAt: new Date().toISOString(), version: pkg.version };
  const heartbeat = startHeartbeat({ redis: getRedis(), workerId, info: withVitals(info) });
  const reconciler = startReconciler();
  const alertEvaluator = startAlertEvaluator({ workerId });
  const sliHistory = startSliHistory();
  let isStopping = false;
  const onSignal = (signal: string) => {
    if (isStopping) {
      console.warn(`worker ${workerId}: second ${signal}, exiting now`);
      process.exit(1);
    }
    isStopping = true;
    clearInterval(reconciler);
    clearInterval(alertEvaluator);
    clearInterval(sliHistory);
    shutdown({ workers, heartbeat, signal }).then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`worker ${workerId}: shutdown failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  // A stray rejection (e.g. a command cut off by a Redis outage) must not take the whole worker down.
  process.on("unhandledRejection", (reason) => console.error(`worker ${workerId}: unhandled rejection:`, reason));
}

main();
