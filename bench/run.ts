// `npm run bench [-- rollback|paused]`: runs the benchmarks and prints each one's figures. Every figure is
// reported with its baseline from the same run, on this machine.
import { benchPausedRollouts } from "./paused-rollouts";
import { benchRollbackOverhead } from "./rollback-overhead";

const BENCHES: Record<string, { title: string; run: () => Promise<Record<string, string>> }> = {
  rollback: { title: "Rollback overhead (click → provider call vs bare provider call)", run: benchRollbackOverhead },
  paused: { title: "One worker holding paused rollouts (vs the same worker idle)", run: benchPausedRollouts },
};

async function main(): Promise<void> {
  const chosen = process.argv.slice(2).filter((a) => a in BENCHES);
  for (const name of chosen.length ? chosen : Object.keys(BENCHES)) {
    const bench = BENCHES[name]!;
    console.log(`\n## ${bench.title}`);
    const figures = await bench.run();
    for (const [label, value] of Object.entries(figures)) console.log(`- ${label}: ${value}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
