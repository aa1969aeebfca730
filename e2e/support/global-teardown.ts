// Runs in Playwright's main process after the last test, while the web servers still run: stops the local
// provider's supervisors of this run (they outlive workers by design, and Playwright may kill the web
// server's process group before its own cleanup finishes). Through tsx, which resolves the app's imports.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { localStateDir } from "./e2e-env";

export default function globalTeardown(): void {
  const script = path.join(__dirname, "stop-local-supervisors.ts");
  const result = spawnSync("tsx", [script, localStateDir], { cwd: path.join(__dirname, "../.."), stdio: "inherit" });
  if (result.status !== 0) console.warn(`could not stop this run's local supervisors (exit ${result.status})`);
}
