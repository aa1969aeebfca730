// Stops every local supervisor under a state directory, with their revisions: for tests, the demo's exit
// and an operator's cleanup. A dead supervisor's leftovers (if its watchdog was killed too) are killed by
// process group from the state file, so nothing outlives this call.
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { createSupervisorClient } from "./supervisor-client";
import { isProcessAlive, readSupervisorState, type SupervisorState } from "./supervisor-state";

const GRACE_MS = 10_000;

function kill(pid: number | null, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !isProcessAlive(pid);
}

async function stopSupervisor(state: SupervisorState): Promise<void> {
  if (isProcessAlive(state.pid)) {
    const client = createSupervisorClient({ port: state.controlPort, token: state.token, targetId: state.targetId });
    await client.shutdown().catch(() => kill(state.pid, "SIGTERM"));
    if (!(await waitForExit(state.pid, GRACE_MS))) kill(state.pid, "SIGKILL");
  }
  for (const revision of state.revisions) kill(revision.pid ? -revision.pid : null, "SIGKILL");
  kill(state.watchdogPid, "SIGKILL");
}

/** Resolves with the target ids whose supervisors were stopped (or cleaned up after); LOCAL_PROVIDER_STATE_DIR by default. */
export async function shutdownAllLocal(options: { stateDir?: string } = {}): Promise<string[]> {
  const stateDir = path.resolve(options.stateDir ?? env().LOCAL_PROVIDER_STATE_DIR);
  const files = await readdir(stateDir).catch(() => [] as string[]);
  const states = await Promise.all(
    files.filter((f) => f.endsWith(".json")).map((f) => readSupervisorState(path.join(stateDir, f)).catch(() => undefined)),
  );
  const found = states.filter((s): s is SupervisorState => s !== undefined);
  await Promise.all(found.map(stopSupervisor));
  await Promise.all(files.filter((f) => f.endsWith(".json")).map((f) => rm(path.join(stateDir, f), { force: true })));
  return found.map((s) => s.targetId);
}
