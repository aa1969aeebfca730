// How the provider finds a target's supervisor (re-attaching after a worker restart) and starts one when
// the target has none. A state file whose supervisor is dead is reported as lost, never silently replaced.
import { spawn } from "node:child_process";
import { openSync, closeSync, mkdirSync } from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/api/app-error";
import { createSupervisorClient, type SupervisorClient } from "./supervisor-client";
import { isProcessAlive, readSupervisorState, stateFilePath, type SupervisorState } from "./supervisor-state";

const LAUNCH_TIMEOUT_MS = 20_000;

/** The repository root; resolved lazily because bundlers (Next.js) may not provide import.meta.dirname. */
function projectRoot(): string {
  return import.meta.dirname ? path.resolve(import.meta.dirname, "../../..") : process.cwd();
}
export type SupervisorLookup =
  | { kind: "none" }
  | { kind: "attached"; client: SupervisorClient; state: SupervisorState }
  | { kind: "lost"; state: SupervisorState; reason: string };

/** The seam the provider talks through; unit tests pass a fake. */
export type SupervisorDirectory = {
  find: (targetId: string) => Promise<SupervisorLookup>;
  launch: (options: { targetId: string; proxyPort: number; metricsPort?: number }) => Promise<SupervisorLookup>;
};

/** Supervisors this process has already heard answer as themselves, by target: `${pid}:${token}`. */
type Verified = Map<string, string>;

async function find({
  stateDir,
  targetId,
  verified,
}: {
  stateDir: string;
  targetId: string;
  verified: Verified;
}): Promise<SupervisorLookup> {
  const state = await readSupervisorState(stateFilePath({ stateDir, targetId }));
  if (!state) return { kind: "none" };
  if (!isProcessAlive(state.pid))
    return { kind: "lost", state, reason: `the supervisor (pid ${state.pid}) is not running; its revisions are gone` };
  const client = createSupervisorClient({ port: state.controlPort, token: state.token, targetId });
  const identity = `${state.pid}:${state.token}`;
  // A live pid is not proof: the pid may have been reused. The supervisor must answer as itself once;
  // after that a live pid with the same token is enough, which keeps a rollback to one control call.
  if (verified.get(targetId) === identity) return { kind: "attached", client, state };
  const status = await client.status().catch(() => undefined);
  if (!status || status.pid !== state.pid || status.targetId !== targetId) {
    return {
      kind: "lost",
      state,
      reason: `the supervisor (pid ${state.pid}) does not answer on its control port; its revisions are unreachable`,
    };
  }
  verified.set(targetId, identity);
  return { kind: "attached", client, state };
}

function spawnSupervisor({
  stateDir,
  targetId,
  proxyPort,
  metricsPort,
}: {
  stateDir: string;
  targetId: string;
  proxyPort: number;
  metricsPort?: number;
}): Promise<number | null> {
  mkdirSync(stateDir, { recursive: true });
  const log = openSync(path.join(stateDir, `${targetId}.supervisor.log`), "a");
  // Its own session (detached), so neither a worker's exit nor a signal to the worker's group reaches it.
  const root = projectRoot();
  const supervisor = path.join(root, "lib/providers/local/supervisor.ts");
  const child = spawn(process.execPath, ["--import", "tsx", supervisor, JSON.stringify({ targetId, stateDir, proxyPort, metricsPort })], {
    cwd: root,
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

async function launch({
  stateDir,
  targetId,
  proxyPort,
  metricsPort,
  verified,
}: {
  stateDir: string;
  targetId: string;
  proxyPort: number;
  metricsPort?: number;
  verified: Verified;
}): Promise<SupervisorLookup> {
  let exitCode: number | null | undefined;
  void spawnSupervisor({ stateDir, targetId, proxyPort, metricsPort }).then((code) => (exitCode = code));
  const deadline = Date.now() + LAUNCH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const found = await find({ stateDir, targetId, verified });
    // Attached also when another worker's supervisor won the race (ours then exits with code 3).
    if (found.kind === "attached") return found;
    if (exitCode !== undefined) {
      const log = path.join(stateDir, `${targetId}.supervisor.log`);
      throw new AppError(
        "unavailable",
        `The local supervisor of target ${targetId} exited with code ${exitCode} while starting (proxy port ${proxyPort} or metrics port ${metricsPort ?? 0} in use?); see ${log}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new AppError("unavailable", `The local supervisor of target ${targetId} did not come up within ${LAUNCH_TIMEOUT_MS / 1000} s`);
}

export function createSupervisorDirectory(options: { stateDir: string }): SupervisorDirectory {
  // Absolute, because the supervisor runs from the repository root, not from the worker's directory.
  const stateDir = path.resolve(options.stateDir);
  const verified: Verified = new Map();
  return {
    find: (targetId) => find({ stateDir, targetId, verified }),
    launch: ({ targetId, proxyPort, metricsPort }) => launch({ stateDir, targetId, proxyPort, metricsPort, verified }),
  };
}
