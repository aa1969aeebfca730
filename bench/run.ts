// `npm run bench [-- rollback|viewers|smoke|analysis|analysis-load|overview|alerts|sli|cloudrun|kubernetes]`: runs each benchmark in a process of its own (each has its own
// database and settings) and prints its figures. Every figure comes with its baseline from the same run.
import { spawnSync } from "node:child_process";
import path from "node:path";

const BENCHES = ["rollback", "viewers", "smoke", "analysis", "analysis-load", "overview", "alerts", "sli", "cloudrun", "kubernetes"];

const chosen = process.argv.slice(2).filter((a) => BENCHES.includes(a));
let failed = 0;
for (const name of chosen.length ? chosen : BENCHES) {
  const result = spawnSync("tsx", [path.join(import.meta.dirname, "run-one.ts"), name], { stdio: "inherit" });
  if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
