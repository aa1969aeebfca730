// The Kubernetes test cluster for a journey, as a child process of its own (Playwright loads specs as
// CommonJS, which the cluster's ES modules cannot be): `test-cluster-main.ts` prints its JSON line once it
// serves, and stops its pods on SIGTERM; its process group is killed should it linger.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";

const root = path.resolve(__dirname, "../..");

export type KubeTestCluster = { kubeconfig: string; kubeconfigPath: string; stop: () => Promise<void> };

export async function spawnKubeTestCluster({ namespaces }: { namespaces: string[] }): Promise<KubeTestCluster> {
  const stateDir = mkdtempSync(path.join(tmpdir(), "e2e-k8s-"));
  const args = ["lib/providers/kubernetes/testing/test-cluster-main.ts", "--state-dir", stateDir, "--pod-mode", "process"];
  for (const namespace of namespaces) args.push("--namespace", namespace);
  const child: ChildProcess = spawn(path.join(root, "node_modules/.bin/tsx"), args, {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface(child.stdout!).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the test cluster exited with ${code} before serving`)));
  });
  const { kubeconfigPath } = JSON.parse(line) as { kubeconfigPath: string };
  return {
    kubeconfigPath,
    kubeconfig: readFileSync(kubeconfigPath, "utf8"),
    stop: async () => {
      child.kill("SIGTERM");
      const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
