// One revision as a real child process, in a process group of its own: `tsx` and shell commands start
// children of their own, and a group signal reaches all of them, so stopping a revision leaves nothing behind.
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { createConnection } from "node:net";

// A revision gets this long to finish in-flight requests after SIGTERM before its group is SIGKILLed.
const STOP_GRACE_MS = 5_000;
// "command not found", as a shell reports it, when the command cannot even be spawned.
const SPAWN_FAILED_EXIT_CODE = 127;

export type RevisionExit = { code: number | null; reason: string };

export type RevisionProcess = {
  pid: number | null;
  isRunning: () => boolean;
  exited: Promise<RevisionExit>;
  /** SIGTERM, then SIGKILL to the whole group after the grace period; resolves once it exited. */
  stop: () => Promise<RevisionExit>;
};

function signalGroup(pid: number | null, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already empty.
  }
}

export function spawnRevisionProcess({
  command,
  env,
  cwd,
  logFile,
}: {
  command: string[];
  env: Record<string, string>;
  cwd: string;
  logFile: string;
}): RevisionProcess {
  const log = openSync(logFile, "a");
  const child = spawn(command[0]!, command.slice(1), { cwd, env: env as NodeJS.ProcessEnv, detached: true, stdio: ["ignore", log, log] });
  closeSync(log);
  let running = true;
  const exited = new Promise<RevisionExit>((resolve) => {
    child.once("error", (error) => {
      running = false;
      resolve({ code: SPAWN_FAILED_EXIT_CODE, reason: `could not start ${command[0]}: ${error.message}` });
    });
    child.once("exit", (code, signal) => {
      running = false;
      // Stragglers of the group (a shell's background job, tsx's node) go with their leader.
      signalGroup(child.pid ?? null, "SIGKILL");
      resolve({ code, reason: code === null ? `killed by ${signal}` : `exited with code ${code}` });
    });
  });
  return {
    pid: child.pid ?? null,
    isRunning: () => running,
    exited,
    stop: async () => {
      if (!running) return exited;
      // The leader first: tsx and well-behaved wrappers forward it to their child and wait for it.
      child.kill("SIGTERM");
      const kill = setTimeout(() => signalGroup(child.pid ?? null, "SIGKILL"), STOP_GRACE_MS);
      const result = await exited;
      clearTimeout(kill);
      return result;
    },
  };
}

/** Resolves true once something accepts connections on `port`, false if `isAlive` turns false first. */
export async function waitForPort({
  port,
  isAlive,
  timeoutMs,
}: {
  port: number;
  isAlive: () => boolean;
  timeoutMs: number;
}): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive() && Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: "127.0.0.1" });
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open && isAlive()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
