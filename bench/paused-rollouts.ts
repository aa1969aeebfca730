// One worker process holding 1,000 concurrent rollouts in a timed analysis pause: its memory and event-loop
// lag (from its own heartbeat) against the same worker idle, measured in the same run.
//   npm run bench -- paused      (ROLLOUTS=1000 by default)
import { randomBytes } from "node:crypto";
import { startBenchStack, ms } from "./bench-stack";

const ROLLOUTS = Number(process.env.ROLLOUTS ?? 1000);
const PAUSE_AT_STEP = 3; // start, verify, 10 %, then the pause

type Vitals = { rssMb: number; lagMs: number };

async function sampleVitals(seconds: number): Promise<Vitals> {
  const { getReadyRedis } = await import("@/lib/redis");
  const { env } = await import("@/lib/env");
  const redis = await getReadyRedis();
  const samples: Vitals[] = [];
  for (let i = 0; i < seconds; i += 1) {
    await new Promise((r) => setTimeout(r, 1000));
    const [workerId] = await redis.zrange(`${env().REDIS_PREFIX}:workers`, "0", "0");
    const info = await redis.hgetall(`${env().REDIS_PREFIX}:worker:${workerId}`);
    samples.push({ rssMb: Number(info.rssMb), lagMs: Number(info.eventLoopLagP99Ms) });
  }
  // The median second: a one-off pause of the shared machine should not decide the figure.
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { rssMb: median(samples.map((s) => s.rssMb)), lagMs: median(samples.map((s) => s.lagMs)) };
}

/** 1,000 targets, each with a canary rollout at its analysis pause: rows in Postgres and a delayed job each. */
async function createPausedRollouts(count: number): Promise<void> {
  const { getDb } = await import("@/lib/db");
  const { planRollout } = await import("@/lib/domain/plan-rollout");
  const { queueStep } = await import("@/lib/services/rollout/queue-step");
  const db = getDb();
  const plan = planRollout({ strategy: "canary", canarySteps: [10, 50, 100], stepPauseSeconds: 600 });
  if (!plan.ok) throw new Error(plan.reason);
  const tag = randomBytes(3).toString("hex");
  const author = await db.user.create({ data: { email: `bench-${tag}@bench.local`, name: "bench", role: "admin" } });
  const environment = await db.environment.create({ data: { slug: `bench-${tag}`, name: "Bench", promotionOrder: 900_000 } });
  const ids = Array.from({ length: count }, (_, i) => `${tag}${i.toString().padStart(5, "0")}`);
  await db.service.createMany({ data: ids.map((id) => ({ id: `s${id}`, slug: `svc-${id}`, name: `svc ${id}` })) });
  await db.target.createMany({
    data: ids.map((id) => ({
      id: `t${id}`,
      serviceId: `s${id}`,
      environmentId: environment.id,
      providerConfig: {},
      defaultStrategy: "canary" as const,
    })),
  });
  await db.release.createMany({
    data: ids.map((id) => ({
      id: `r${id}`,
      serviceId: `s${id}`,
      version: "1.0.0",
      image: "bench:1",
      digest: "sha256:bench",
      authorId: author.id,
    })),
  });
  const resumeAt = new Date(Date.now() + 600_000);
  await db.deployment.createMany({
    data: ids.map((id) => ({
      id: `d${id}`,
      releaseId: `r${id}`,
      targetId: `t${id}`,
      activeTargetId: `t${id}`,
      strategy: "canary" as const,
      state: "stepping" as const,
      plan: plan.steps,
      currentStep: PAUSE_AT_STEP + 1,
      trafficPercent: 10,
      resumeAt,
      revision: `rev-${id}`,
    })),
  });
  for (const id of ids) await queueStep({ id: `d${id}`, currentStep: PAUSE_AT_STEP + 1, generation: 0, resumeAt });
}

export async function benchPausedRollouts(): Promise<Record<string, string>> {
  const stack = await startBenchStack("paused");
  try {
    stack.startWorker({ RECONCILE_INTERVAL_MS: "1000" });
    await new Promise((r) => setTimeout(r, 6000));
    const idle = await sampleVitals(9);
    const started = performance.now();
    await createPausedRollouts(ROLLOUTS);
    const setupSeconds = (performance.now() - started) / 1000;
    const held = await sampleVitals(9);
    const { getQueue } = await import("@/lib/queue/enqueue");
    const delayed = await getQueue("deployment.step").getDelayedCount();
    return {
      "paused rollouts held": `${ROLLOUTS} (${delayed} delayed jobs in Redis, created in ${setupSeconds.toFixed(1)} s)`,
      "worker RSS idle → holding (median second)": `${idle.rssMb} MB → ${held.rssMb} MB (${(held.rssMb / idle.rssMb).toFixed(2)}×)`,
      "event-loop lag p99 idle → holding (median second)": `${ms(idle.lagMs)} → ${ms(held.lagMs)} (${(held.lagMs / Math.max(idle.lagMs, 0.1)).toFixed(1)}×)`,
    };
  } finally {
    await stack.close();
  }
}
