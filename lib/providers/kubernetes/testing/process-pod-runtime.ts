// Pods as real processes: the sample service (or another command) on a free port, in a process group of
// its own so that stopping a pod leaves nothing behind. Ready when the readiness probe's HTTP path answers
// 2xx/3xx, or, without an httpGet probe, when the port accepts connections.
import { request } from "node:http";
import path from "node:path";
import { findFreePort } from "../../local/revision-entry";
import { spawnRevisionProcess, waitForPort } from "../../local/revision-process";
import { containerEnv, type PodRuntime, type StartContainerInput } from "./pod-runtime";

const ROOT = path.resolve(import.meta.dirname, "../../../..");
const PROJECT_BIN = path.join(ROOT, "node_modules/.bin");
// Only these reach a pod from the test cluster's environment: never the control plane's secrets.
const INHERITED = ["PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR", "SHELL"];
const PROBE_INTERVAL_MS = 150;
const READY_TIMEOUT_MS = 120_000;

export const SAMPLE_SERVICE_COMMAND = [path.join(PROJECT_BIN, "tsx"), "workers/sample-service/server.ts"];

function probeHttp(port: number, probePath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: probePath, timeout: 1_000 }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) >= 200 && (res.statusCode ?? 500) < 400);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}

async function waitForReadiness(input: StartContainerInput, port: number, isAlive: () => boolean): Promise<boolean> {
  const probe = input.pod.spec.containers[0]?.readinessProbe;
  await new Promise((resolve) => setTimeout(resolve, (probe?.initialDelaySeconds ?? 0) * 1000));
  if (!probe?.httpGet) return waitForPort({ port, isAlive, timeoutMs: READY_TIMEOUT_MS });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (isAlive() && Date.now() < deadline) {
    if (await probeHttp(port, probe.httpGet.path ?? "/")) return isAlive();
    await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
  }
  return false;
}

export function createProcessPodRuntime({
  command = SAMPLE_SERVICE_COMMAND,
  cwd = ROOT,
}: { command?: string[]; cwd?: string } = {}): PodRuntime {
  return {
    start: async (input) => {
      const port = await findFreePort();
      const inherited = Object.fromEntries(INHERITED.flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : [])));
      inherited.PATH = `${PROJECT_BIN}${path.delimiter}${inherited.PATH ?? "/usr/bin:/bin"}`;
      const child = spawnRevisionProcess({ command, env: { ...inherited, ...containerEnv(input.pod, port) }, cwd, logFile: input.logFile });
      let stopping = false;
      void child.exited.then((exit) => {
        if (!stopping) input.onExit(exit);
      });
      if (!input.neverReady) {
        void waitForReadiness(input, port, child.isRunning).then((ready) => {
          if (ready && !stopping) input.onReady();
        });
      }
      return {
        endpoint: { kind: "process", port },
        pid: child.pid,
        stop: async () => {
          stopping = true;
          await child.stop();
        },
      };
    },
  };
}
