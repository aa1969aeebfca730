// `npm run bench -- alerts`: what one evaluation interval costs at the Overview's scale, 500 services × 5
// environments = 2,500 serving targets, each with the documents' four alert rules read through a real
// Prometheus (a private one with no series: every query is answered, empty, so each rule holds). Reported
// against the interval it must fit in (ALERT_EVALUATION_INTERVAL_MS, 30 s) and against two baselines from the
// same run: the same evaluation with no rules (the lifecycle's own database work) and one bare PromQL query.
// Then the same targets on Flightdeck's own rollups (an hour of minute rows each, no rules): the burn rates as
// the evaluator reads them now (in batches), against reading them target by target in the same run.
import { randomBytes } from "node:crypto";
import { DEFAULT_ALERT_RULES } from "@/lib/domain/document-defaults";
import { startOwnPrometheus } from "@/lib/testing/own-prometheus";
import { percentile } from "@/lib/smoke/percentile";
import { startBenchStack } from "./bench-stack";

const SERVICES = 500;
const ENVIRONMENTS = 5;
const RUNS = 3;
const INTERVAL_MS = 30_000;

async function seed({ prometheusUrl }: { prometheusUrl: string }) {
  const { db } = await import("@/lib/db");
  const tag = randomBytes(3).toString("hex");
  const environments = Array.from({ length: ENVIRONMENTS }, (_, i) => ({
    id: `env_${tag}_${i}`,
    slug: `env-${tag}-${i}`,
    name: `Env ${i}`,
    promotionOrder: 10 + i,
  }));
  await db.environment.createMany({ data: environments });
  const services = Array.from({ length: SERVICES }, (_, i) => ({
    id: `svc_${tag}_${i}`,
    slug: `svc-${tag}-${i}`,
    name: `Service ${i}`,
    alertRules: DEFAULT_ALERT_RULES as unknown as object[],
  }));
  await db.service.createMany({ data: services });
  const metricsSource = { type: "prometheus", url: prometheusUrl, timeoutMs: 5000 };
  await db.target.createMany({
    data: services.flatMap((s) =>
      environments.map((e) => ({ serviceId: s.id, environmentId: e.id, currentRevision: "r1", metricsSource })),
    ),
  });
}

async function timeRuns(run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times;
}

export async function benchAlertEvaluation(): Promise<Record<string, string>> {
  const stack = await startBenchStack("alerts");
  const prometheus = await startOwnPrometheus({ targets: [] });
  try {
    await seed({ prometheusUrl: prometheus.url });
    const { db } = await import("@/lib/db");
    const { runAlertEvaluation } = await import("@/lib/services/alerts/run-alert-evaluation");
    const { queryPrometheus } = await import("@/lib/metrics/prometheus/query-prometheus");
    const targets = await db.target.count({ where: { currentRevision: { not: null } } });

    const withRules = await timeRuns(() => runAlertEvaluation({ now: new Date() }));
    const summary = await runAlertEvaluation({ now: new Date() });
    await db.service.updateMany({ data: { alertRules: [] } });
    const lifecycleOnly = await timeRuns(() => runAlertEvaluation({ now: new Date() }));

    const bare: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      await queryPrometheus({
        url: prometheus.url,
        query: "sum(rate(flightdeck_proxy_requests_total[5m]))",
        time: new Date(),
        timeoutMs: 5000,
      });
      bare.push(performance.now() - start);
    }
    // Every target on the rollups: an hour of minute rows, no errors (nothing fires: the reads are what is compared).
    await db.target.updateMany({ data: { metricsSource: { type: "local" } } });
    const nowMs = Math.floor(Date.now() / 60_000) * 60_000;
    await db.$executeRaw`
      INSERT INTO "SliRollup" ("targetId", resolution, "bucketStart", requests, errors, "latencyCounts")
      SELECT t.id, 'minute', to_timestamp((${nowMs}::bigint - m * 60000) / 1000.0) AT TIME ZONE 'UTC', 600, 0, ARRAY[0, 0, 0, 600, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
      FROM "Target" t, generate_series(1, 60) m`;
    const { readBurnRates } = await import("@/lib/services/sli/read-burn-rates");
    const ids = (await db.target.findMany({ select: { id: true } })).map((t) => t.id);
    const batched = await timeRuns(() => runAlertEvaluation({ now: new Date(nowMs) }));
    const oneByOne = await timeRuns(async () => {
      let next = 0;
      const lane = async () => {
        while (next < ids.length) await readBurnRates({ targetId: ids[next++]!, now: new Date(nowMs) });
      };
      await Promise.all(Array.from({ length: 8 }, lane));
    });

    const median = (values: number[]) => percentile({ values, p: 50 })!;
    const ms = (value: number) => `${Math.round(value)} ms`;
    const queries = targets * DEFAULT_ALERT_RULES.length * 2;
    return {
      "serving targets": `${targets} (${SERVICES} services × ${ENVIRONMENTS} environments), ${DEFAULT_ALERT_RULES.length} rules each, ${queries} PromQL queries per interval`,
      "one interval, with the rules (median / worst of 3)": `${ms(median(withRules))} / ${ms(Math.max(...withRules))} — ${(median(withRules) / INTERVAL_MS).toFixed(2)}× the 30 s interval`,
      "per target": `${(median(withRules) / targets).toFixed(2)} ms`,
      "baseline: the lifecycle alone, no rules (median)": ms(median(lifecycleOnly)),
      "baseline: one bare PromQL query (p50 / p95)": `${median(bare).toFixed(1)} ms / ${percentile({ values: bare, p: 95 })!.toFixed(1)} ms`,
      "rollup targets (no rules): one interval, burn rates read in batches (median of 3)": `${ms(median(batched))} — ${(median(batched) / INTERVAL_MS).toFixed(2)}× the interval`,
      "baseline: the same burn rates read target by target, 8 at a time (median of 3)": `${ms(median(oneByOne))} (${(median(oneByOne) / median(batched)).toFixed(1)}× the batched interval)`,
      "outcome of an interval": `opened ${summary.opened}, resolved ${summary.resolved}, failed ${summary.failed} (every rule holds: no series)`,
    };
  } finally {
    await prometheus.stop();
    await stack.close();
  }
}
