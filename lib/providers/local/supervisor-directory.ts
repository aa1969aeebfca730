// How the provider finds a target's supervisor (re-attaching after a worker restart) and starts one when
// the target has none. A state file whose supervisor is dead is reported as lost, never silently replaced.
import { spawn } from "node:child_process";
import { openSync, closeSync, mkdirSync } from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/api/app-error";
import { createSupervisorClient, type SupervisorClient } from "./supervisor-client";
import { isProcessAlive, readSupervisorState, stateFilePath, type SupervisorState } from "./supervisor-state";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const SUPERVISOR = path.join(import.meta.dirname, "supervisor.ts");
const LAUNCH_TIMEOUT_MS = 20_000;

export type SupervisorLookup =
  | { kind: "none" }
  | { kind: "attached"; client: SupervisorClient; state: SupervisorState }
  | { kind: "lost"; state: SupervisorState; reason: string };

/** The seam the provider talks through; unit tests pass a fake. */
export type SupervisorDirectory = {
  find: (targetId: string) => Promise<SupervisorLookup>;
  launch: (options: { targetId: string; proxyPort: number }) => Promise<SupervisorLookup>;
};

async function find({ stateDir, targetId }: { stateDir: string; targetId: string }): Promise<SupervisorLookup> {
  const state = await readSupervisorState(stateFilePath({ stateDir, targetId }));
  if (!state) return { kind: "none" };
  if (!isProcessAlive(state.pid)) return { kind: "lost", state, reason: `the supervisor (pid ${state.pid}) is not running; its revisions are gone` };
  const client = createSupervisorClient({ port: state.controlPort, token: state.token, targetId });
  // A live pid is not proof: the pid may have been reused. The supervisor must answer as itself.
  const status = await client.status().catch(() => undefined);
  if (!status || status.pid !== state.pid || status.targetId !== targetId) {
    return { kind: "lost", state, reason: `the supervisor (pid ${state.pid}) does not answer on its control port; its revisions are unreachable` };
  }
  return { kind: "attached", client, state };
}

function spawnSupervisor({ stateDir, targetId, proxyPort }: { stateDir: string; targetId: string; proxyPort: number }): Promise<number | null> {
  mkdirSync(stateDir, { recursive: true });
  const log = openSync(path.join(stateDir, `${targetId}.supervisor.log`), "a");
  // Its own session (detached), so neither a worker's exit nor a signal to the worker's group reaches it.
  const child = spawn(process.execPath, ["--import", "tsx", SUPERVISOR, JSON.stringify({ targetId, stateDir, proxyPort })], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  child.unref();
  return new Promise((resolve) => {
    child.once("error", () => resolve(127));
    child.once("exit", (code) => resolve(code));
  });
}

async function launch({ stateDir, targetId, proxyPort }: { stateDir: string; targetId: string; proxyPort: number }): Promise<SupervisorLookup> {
  let exitCode: number | null | undefined;
  void spawnSupervisor({ stateDir, targetId, proxyPort }).then((code) => (exitCode = code));
  const deadline = Date.now() + LAUNCH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const found = await find({ stateDir, targetId });
    // Attached also when another worker's supervisor won the race (ours then exits with code 3).
    if (found.kind === "attached") return found;
    if (exitCode !== undefined) {
      const log = path.join(stateDir, `${targetId}.supervisor.log`);
      throw new AppError("unavailable", `The local supervisor of target ${targetId} exited with code ${exitCode} while starting (proxy port ${proxyPort} in use?); see ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new AppError("unavailable", `The local supervisor of target ${targetId} did not come up within ${LAUNCH_TIMEOUT_MS / 1000} s`);
}

export function createSupervisorDirectory({ stateDir }: { stateDir: string }): SupervisorDirectory {
  return {
    find: (targetId) => find({ stateDir, targetId }),
    launch: ({ targetId, proxyPort }) => launch({ stateDir, targetId, proxyPort }),
  };
}
