// The sample service as a real child process (`tsx workers/sample-service/server.ts`), for the smoke
// runner's integration tests, the CLI test and the benchmark. Resolves once it accepts requests.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { freePort, waitUntil } from "@/lib/testing/own-redis";

const root = path.resolve(import.meta.dirname, "../../..");

export type SampleProcess = { url: string; child: ChildProcess; stop: () => Promise<void> };

export async function startSampleProcess({
  env = {},
  name = "smoke-svc",
}: { env?: Record<string, string>; name?: string } = {}): Promise<SampleProcess> {
  const port = await freePort();
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["workers/sample-service/server.ts"], {
    cwd: root,
    env: { ...process.env, SERVICE_NAME: name, VERSION: "1.0.0", ...env, PORT: String(port) },
    stdio: "ignore",
    // tsx runs the service in a child of its own: a group signal reaches both, so nothing is left behind.
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // ESRCH: the group is gone already.
      }
    }
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    // Any answer will do (a bad release's /health may answer 500): the port serves HTTP.
    await waitUntil(() => fetch(`${url}/metrics`), { timeoutMs: 90_000, what: `sample service ${JSON.stringify(env)}` });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, child, stop };
}
