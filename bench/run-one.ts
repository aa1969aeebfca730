// Runs one benchmark (see run.ts) and prints its figures.
import { benchAlertEvaluation } from "./alert-evaluation";
import { benchAnalysisCanaries } from "./analysis-canaries";
import { benchAnalysisLoad } from "./analysis-load";
import { benchCloudRunRollback } from "./cloudrun-rollback";
import { benchKubernetesCanaries } from "./kubernetes-canaries";
import { benchLiveViewers } from "./live-viewers";
import { benchOverviewScale } from "./overview-scale";
import { benchRollbackOverhead } from "./rollback-overhead";
import { benchSliRollups } from "./sli-rollups";
import { benchSmokeSuite } from "./smoke-suite";

const BENCHES: Record<string, { title: string; run: () => Promise<Record<string, string>> }> = {
  alerts: {
    title: "Alert evaluation: one interval at 2,500 serving targets vs the interval, the lifecycle alone and a bare query",
    run: benchAlertEvaluation,
  },
  analysis: {
    title: "Analysis: breach → rollback over bad canaries vs the interval; good canaries with no false rollback",
    run: benchAnalysisCanaries,
  },
  "analysis-load": {
    title: "Analysis load: one worker's CPU while it analyses concurrent canaries (PromQL to a real Prometheus) vs the same worker idle",
    run: benchAnalysisLoad,
  },
  cloudrun: {
    title: "Cloud Run rollback: click → traffic moved at the test endpoint vs the endpoint's own updateService round trip",
    run: benchCloudRunRollback,
  },
  kubernetes: {
    title:
      "Kubernetes: one worker driving concurrent canaries on the test cluster (simulated pods): memory, event-loop lag, API calls per rollout",
    run: benchKubernetesCanaries,
  },
  overview: {
    title:
      "Overview and SLOs at 500 services × 5 environments with full SLI history, 1,000,000 deployment events (and Insights) vs the health check",
    run: benchOverviewScale,
  },
  rollback: { title: "Rollback overhead (click → provider call vs bare provider call)", run: benchRollbackOverhead },
  sli: { title: "SLI history: storage per target per day, and the rollup writer's cost per target at 500 × 5", run: benchSliRollups },
  smoke: { title: "Smoke runner overhead (the eight-check suite's wall time vs its checks' own latencies)", run: benchSmokeSuite },
  viewers: { title: "Live updates: Postgres load with 1 and with 100 viewers of a live deployment", run: benchLiveViewers },
};

const bench = BENCHES[process.argv[2] ?? ""];
if (!bench) {
  console.error(`usage: run-one.ts ${Object.keys(BENCHES).join("|")}`);
  process.exit(2);
}
console.log(`\n## ${bench.title}`);
bench.run().then(
  (figures) => {
    for (const [label, value] of Object.entries(figures)) console.log(`- ${label}: ${value}`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
