// Runs one benchmark (see run.ts) and prints its figures.
import { benchPausedRollouts } from "./paused-rollouts";
import { benchRollbackOverhead } from "./rollback-overhead";
import { benchSmokeSuite } from "./smoke-suite";

const BENCHES: Record<string, { title: string; run: () => Promise<Record<string, string>> }> = {
  rollback: { title: "Rollback overhead (click → provider call vs bare provider call)", run: benchRollbackOverhead },
  paused: { title: "One worker holding paused rollouts (vs the same worker idle)", run: benchPausedRollouts },
  smoke: { title: "Smoke runner overhead (the eight-check suite's wall time vs its checks' own latencies)", run: benchSmokeSuite },
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
