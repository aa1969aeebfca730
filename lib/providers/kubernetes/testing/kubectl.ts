// The machine's kubectl (1.32, from the Google Cloud CLI) against a test cluster: the fidelity check of the
// test cluster and of what the provider leaves behind. Tests that need it skip with a printed reason without it.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";

export const KUBECTL = ["/usr/bin/kubectl", "/usr/local/bin/kubectl"].find((candidate) => existsSync(candidate));

export type Kubectl = (args: string[], input?: string) => Promise<string>;

/** Runs kubectl with the cluster's kubeconfig and a cache directory of the test's own; rejects with its stderr. */
export function createKubectl({ kubeconfigPath, cacheDir }: { kubeconfigPath: () => string; cacheDir: () => string }): Kubectl {
  return (args, input) =>
    new Promise((resolve, reject) => {
      const child = execFile(
        KUBECTL!,
        ["--kubeconfig", kubeconfigPath(), "--cache-dir", cacheDir(), ...args],
        { timeout: 120_000 },
        (error, stdout, stderr) => (error ? reject(new Error(`kubectl ${args.join(" ")}: ${stderr || error.message}`)) : resolve(stdout)),
      );
      if (input !== undefined) child.stdin!.end(input);
    });
}

/** The revision numbers of `kubectl rollout history`'s table. */
export const historyRevisions = (history: string) =>
  history
    .split("\n")
    .slice(2)
    .map((line) => line.trim().split(/\s+/)[0])
    .filter(Boolean);
