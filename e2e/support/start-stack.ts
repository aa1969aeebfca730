// Playwright's web server: a migrated, seeded database of this run's own, one worker process, and the built
// app (`next start`). On SIGTERM it stops both and drops the database; the run's local-provider
// supervisors are stopped by the global teardown, which runs before Playwright stops this process.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { nodeScript } from "@/lib/tooling/node-script";
import { createMigratedDatabase, dropDatabase } from "@/lib/testing/test-database";
import { appEnv, appPort, databaseUrl } from "./e2e-env";

const root = path.resolve(import.meta.dirname, "../..");
const children: ChildProcess[] = [];

function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: "inherit" });
  children.push(child);
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${command} ${args.join(" ")} exited (${code ?? signal}) while the tests were running`);
      void stop(1);
    }
  });
  return child;
}

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (c) => new Promise<void>((resolve) => (c.exitCode !== null ? resolve() : (c.once("exit", () => resolve()), c.kill("SIGTERM")))),
    ),
  );
  if (!process.env.KEEP_TEST_DATABASE) await dropDatabase(databaseUrl).catch(() => undefined);
  process.exit(code);
}

async function main(): Promise<void> {
  const env = appEnv();
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    const build = spawnSync("next", ["build"], { cwd: root, stdio: "inherit", env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  await createMigratedDatabase(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  const { seedDemo } = await import("@/prisma/seed");
  await seedDemo();
  const { disconnectDb, getDb } = await import("@/lib/db");
  // The documents' post-deploy validation takes 30 s per deploy; the journeys check its effect with 2 over 1 s.
  await getDb().target.updateMany({ data: { postDeployChecks: 2, postDeploySeconds: 1 } });
  await disconnectDb();
  const worker = nodeScript("workers/index.ts");
  start(worker.command, worker.args, env);
  start("next", ["start", "-p", String(appPort), "-H", "127.0.0.1"], env);
}

process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
main().catch((error: unknown) => {
  console.error(error);
  void stop(1);
});
