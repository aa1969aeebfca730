// Runs the test cluster as a child process (its own process group), for tests and demos that need it to
// outlive a module or that want the real separation of a cluster: the same handle as startTestCluster,
// with faults driven through the admin API. stop() ends the child and, should it have died without
// cleaning up, every pod process group it recorded in <stateDir>/pods.json.
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { FaultControls } from "./cluster-faults";
import type { TestCluster, TestClusterOptions } from "./start-test-cluster";

const ROOT = path.resolve(import.meta.dirname, "../../../..");
const ENTRY = path.join(import.meta.dirname, "test-cluster-main.ts");
const STOP_GRACE_MS = 15_000;

export type SpawnedTestCluster = Omit<TestCluster, "store"> & { pid: number };

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function remoteFaults(httpUrl: string, adminToken: string): FaultControls {
  const post = async (action: string, body: unknown = {}) => {
    const res = await fetch(`${httpUrl}/_testcluster/faults/${action}`, {
      method: "POST",
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`test cluster fault ${action}: ${res.status} ${await res.text()}`);
  };
  return {
    deny: (rule) => post("deny", rule),
    failNext: (rule) => post("fail-next", rule),
    neverReady: (rule) => post("never-ready", rule),
    setHttpRouteCrd: (installed) => post("http-route-crd", { installed }),
    reset: () => post("reset"),
  };
}

export async function spawnTestCluster(
  options: Omit<TestClusterOptions, "podCommand" | "user" | "token" | "bookmarkIntervalMs">,
): Promise<SpawnedTestCluster> {
  const args = [
    ENTRY,
    "--state-dir",
    options.stateDir,
    "--pod-mode",
    options.podMode,
    "--port",
    String(options.port ?? 0),
    "--http-port",
    String(options.httpPort ?? 0),
  ];
  for (const namespace of options.namespaces ?? []) args.push("--namespace", namespace);
  if (options.httpRouteCrd === false) args.push("--no-http-route-crd");
  if (options.simulatedReadyDelayMs !== undefined) args.push("--ready-delay-ms", String(options.simulatedReadyDelayMs));
  const log = openSync(path.join(options.stateDir, "cluster.log"), "a");
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), args, { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", log] });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface(child.stdout!);
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`test cluster exited with ${code} before serving; see ${options.stateDir}/cluster.log`)));
  });
  const info = JSON.parse(first) as {
    url: string;
    httpUrl: string;
    user: string;
    token: string;
    adminToken: string;
    kubeconfigPath: string;
  };
  const pid = child.pid!;
  const stop = async () => {
    // The leader only: tsx forwards it to the cluster, which stops its pods before it exits.
    child.kill("SIGTERM");
    const timer = setTimeout(() => killGroup(pid, "SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
    const pods = JSON.parse(readFileSync(path.join(options.stateDir, "pods.json"), { encoding: "utf8", flag: "a+" }) || "[]") as {
      pid: number;
    }[];
    for (const pod of pods) killGroup(pod.pid, "SIGKILL");
  };
  return {
    ...info,
    pid,
    caPem: readFileSync(path.join(options.stateDir, "apiserver.crt"), "utf8"),
    kubeconfig: readFileSync(info.kubeconfigPath, "utf8"),
    faults: remoteFaults(info.httpUrl, info.adminToken),
    stop,
  };
}
