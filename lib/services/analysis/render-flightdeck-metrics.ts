// Flightdeck's own metrics in the Prometheus text format, computed from Postgres at scrape time: a fresh
// registry per scrape, so any app instance answers the same and nothing is lost on a restart.
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { db } from "@/lib/db";
import { DEPLOYMENT_STATES } from "@/lib/domain/rollout-lifecycle";

const STEP_BUCKETS = [1, 5, 10, 30, 60, 300, 900, 3600];

export async function renderFlightdeckMetrics(): Promise<{ contentType: string; body: string }> {
  const registry = new Registry();
  const deployments = new Gauge({
    name: "flightdeck_deployments",
    help: "Deployments by state",
    labelNames: ["state"],
    registers: [registry],
  });
  const verdicts = new Counter({
    name: "flightdeck_analysis_verdicts_total",
    help: "Finished analysis runs by verdict",
    labelNames: ["verdict"],
    registers: [registry],
  });
  const rollbacks = new Counter({
    name: "flightdeck_rollbacks_total",
    help: "Rollbacks: deployments reverted (by analysis or a failed step) and rollback deployments a person started",
    labelNames: ["kind"],
    registers: [registry],
  });
  const steps = new Histogram({
    name: "flightdeck_step_duration_seconds",
    help: "Rollout steps of the last 24 hours, from a step's start to the next step's start, by step kind",
    labelNames: ["kind"],
    buckets: STEP_BUCKETS,
    registers: [registry],
  });

  const [byState, byVerdict, reverted, manual, durations] = await Promise.all([
    db.deployment.groupBy({ by: ["state"], _count: { _all: true } }),
    db.analysisRun.groupBy({ by: ["verdict"], where: { status: "finished", verdict: { not: null } }, _count: { _all: true } }),
    db.deployment.count({ where: { state: "rolled_back" } }),
    db.deployment.count({ where: { kind: "rollback" } }),
    // A step re-run (a resume, an analysis tick) counts from its first start.
    db.$queryRaw<{ kind: string; seconds: number | null }[]>`
      WITH s AS (
        SELECT "deploymentId", (data->>'step')::int AS step, MIN(data->>'kind') AS kind, MIN("createdAt") AS at
        FROM "DeploymentEvent"
        WHERE type = 'step_started' AND "createdAt" > now() - interval '1 day' AND data ? 'step'
        GROUP BY 1, 2
      )
      SELECT kind, EXTRACT(EPOCH FROM (LEAD(at) OVER (PARTITION BY "deploymentId" ORDER BY step) - at))::float8 AS seconds FROM s`,
  ]);
  for (const state of Object.keys(DEPLOYMENT_STATES)) deployments.set({ state }, byState.find((r) => r.state === state)?._count._all ?? 0);
  for (const row of byVerdict) verdicts.inc({ verdict: row.verdict! }, row._count._all);
  rollbacks.inc({ kind: "reverted" }, reverted);
  rollbacks.inc({ kind: "manual" }, manual);
  for (const row of durations) if (row.seconds !== null) steps.observe({ kind: row.kind }, row.seconds);
  return { contentType: registry.contentType, body: await registry.metrics() };
}
