// The Cloud Run test server for a journey, as a process of its own (serve-cloud-run-test-server.ts): its
// URL and service-account key, and stop() that takes its revision processes down with it.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";

export type E2eCloudRun = { url: string; projectId: string; region: string; serviceAccountKey: object; stop: () => Promise<void> };

const root = path.resolve(__dirname, "../..");

export async function startE2eCloudRun(): Promise<E2eCloudRun> {
  const stateDir = mkdtempSync(path.join(tmpdir(), "fd-e2e-cloudrun-"));
  const child: ChildProcess = spawn(
    path.join(root, "node_modules/.bin/tsx"),
    ["lib/providers/cloudrun/testing/serve-cloud-run-test-server.ts", stateDir],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, PATH: `${path.join(root, "node_modules/.bin")}:${process.env.PATH}` },
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const [line] = await Promise.race([
    (async () => {
      for await (const first of createInterface({ input: child.stdout! })) return [first];
      return [""];
    })(),
    exited.then(() => [""]),
  ]);
  if (!line) throw new Error("the Cloud Run test server did not start");
  const info = JSON.parse(line) as Omit<E2eCloudRun, "stop">;
  return {
    ...info,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
