// Starts `workers/index.ts` as a real, separate process for integration tests, the way `npm run worker`
// does (node_modules/.bin first on PATH, so it runs on the project's Node, not the machine's).
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { nodeScript } from "@/lib/tooling/node-script";

const root = path.resolve(import.meta.dirname, "../..");

export type SpawnedWorker = {
  child: ChildProcess;
  /** Everything the process printed so far, for assertions and for failure messages. */
  output: () => string;
  /** Sends `signal` and resolves with the exit code (null when killed by a signal). */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

export function spawnWorker({ env }: { env: Record<string, string> }): SpawnedWorker {
  const bin = path.join(root, "node_modules/.bin");
  const { command, args, cwd } = nodeScript("workers/index.ts");
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH ?? ""}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
