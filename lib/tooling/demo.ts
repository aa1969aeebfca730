// `npm run demo`: checks Postgres and Redis, migrates, seeds the demo data, builds, and runs the web app
// and one worker until Ctrl-C. Settings come from the environment (DATABASE_URL, REDIS_URL, PORT).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from "@/prisma/scripts/script-env";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/seed/people";
import { nodeScript } from "./node-script";
import { preflight } from "./preflight";
import { root, runStep } from "./run-step";

const port = process.env.PORT ?? "3000";
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;

/** A secret of this checkout's own (the session secret, the key of secrets at rest), kept in .env.local
 *  (ignored by git), which Next.js and the command-line tools load. Generated once, then reused. */
function ensureLocalSecret(name: string, generate: () => string): string {
  const file = path.join(root, ".env.local");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const match = new RegExp(`^${name}=(.+)$`, "m").exec(existing);
  if (match) return match[1]!;
  const secret = generate();
  writeFileSync(file, `${existing}${existing && !existing.endsWith("\n") ? "\n" : ""}${name}=${secret}\n`);
  return secret;
}

let stopping = false;
/** The Cloud Run test server the demo runs in this process (stopped last, with its revision processes). */
let cloudRun: { stop: () => Promise<void> } | null = null;

function startChild(name: string, command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${code ?? signal}); stopping Flightdeck.`);
    void stopAll(children, code ?? 1);
  });
  return child;
}

const children: ChildProcess[] = [];
let demoCluster: { stop: () => Promise<void> } | null = null;

/** Stops web and worker, then the local provider's supervisors (they outlive workers by design). */
async function stopAll(running: ChildProcess[], code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    running.map(
      (c) =>
        new Promise<void>((resolve) =>
          c.exitCode !== null || c.signalCode !== null ? resolve() : (c.once("exit", () => resolve()), c.kill("SIGTERM")),
        ),
    ),
  );
  await demoCluster?.stop().catch((error: Error) => console.error(`could not stop the demo cluster: ${error.message}`));
  const { shutdownAllLocal } = await import("@/lib/providers/local/shutdown-all-local");
  const stateDir = path.resolve(root, process.env.LOCAL_PROVIDER_STATE_DIR ?? ".tmp/local-provider");
  await shutdownAllLocal({ stateDir }).catch((error: Error) => console.error(`could not stop local revisions: ${error.message}`));
  await cloudRun?.stop().catch((error: Error) => console.error(`could not stop the Cloud Run test server: ${error.message}`));
  process.exit(code);
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  await preflight({ databaseUrl, redisUrl });
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    NEXTAUTH_SECRET: ensureLocalSecret("NEXTAUTH_SECRET", () => randomBytes(32).toString("base64url")),
    FLIGHTDECK_SECRET_KEY: ensureLocalSecret("FLIGHTDECK_SECRET_KEY", () => randomBytes(32).toString("base64")),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    DEMO_SIGNINS: "1",
  };
  for (const [title, command, args] of [
    ["Generate the Prisma client", "tsx", ["prisma/scripts/generate.ts"]],
    ["Apply migrations", "tsx", ["prisma/scripts/migrate.ts", "apply"]],
    ["Seed demo data", "tsx", ["prisma/seed.ts"]],
    ["Build the web app", "next", ["build"]],
  ] as const) {
    if (runStep(title, command, [...args], env) !== 0) process.exit(1);
  }
  // The Cloud Run test endpoint (--no-cloudrun for none); its target holds the server's key.
  const { startDemoCloudRun, seedDemoCloudRunTarget } = await import("./demo-cloud-run");
  const demoCloudRun = process.argv.includes("--no-cloudrun") ? null : await startDemoCloudRun();
  cloudRun = demoCloudRun;
  // This process stores the Cloud Run target's key and reads targets' status: it needs the children's settings.
  Object.assign(process.env, env);
  const worker = nodeScript("workers/index.ts");
  children.push(startChild("worker", worker.command, worker.args, env), startChild("web app", "next", ["start", "-p", port], env));
  process.on("SIGINT", () => void stopAll(children, 0));
  process.on("SIGTERM", () => void stopAll(children, 0));
  await waitForHttp(`http://127.0.0.1:${port}/signin`, 60_000);
  if (demoCloudRun) {
    const seeded = await seedDemoCloudRunTarget({ server: demoCloudRun });
    console.log(`Cloud Run test endpoint at ${demoCloudRun.url}: target ${seeded.service}/cloud-run deploys there`);
  }
  // A Kubernetes target beside the local ones: the repository's test cluster, with real pods.
  const { startDemoCluster, DEMO_KUBECONFIG } = await import("./start-demo-cluster");
  await startDemoCluster().then(
    ({ cluster, targetId }) => {
      demoCluster = cluster;
      console.log(
        `Demo Kubernetes cluster at ${cluster.url}; its kubeconfig is ${DEMO_KUBECONFIG} (kubectl --kubeconfig ${DEMO_KUBECONFIG} get deployments -n demo)`,
      );
      if (!targetId) console.warn("The seeded session-buddy service has no staging release, so no Kubernetes target was made.");
    },
    (error: Error) => console.warn(`The demo Kubernetes cluster did not start (${error.message}); the local targets run without it.`),
  );
  const { bootstrapDemoTargets } = await import("./bootstrap-demo-targets");
  const started = await bootstrapDemoTargets({ adminEmail: "admin@flightdeck.local" }).catch((error: Error) => {
    console.warn(`The seeded releases were not started (${error.message}); deploy them from the UI.`);
    return [];
  });
  if (started.length) console.log(`Starting the seeded releases: ${started.join(", ")}`);
  // Synthetic traffic so metrics and analysis have data: DEMO_TRAFFIC_RPS per target (default 5), --no-traffic for none.
  const rps = process.argv.includes("--no-traffic") ? 0 : Number(process.env.DEMO_TRAFFIC_RPS ?? 5);
  if (Number.isFinite(rps) && rps > 0) {
    const { startDemoTraffic } = await import("./demo-traffic");
    startDemoTraffic({ rps: Math.min(Math.floor(rps), 1000) });
    console.log(
      `Synthetic demo traffic: ${rps} requests/s to /work of each serving local target (DEMO_TRAFFIC_RPS; --no-traffic turns it off)`,
    );
  }
  console.log(`\nFlightdeck is running at http://localhost:${port}  (Ctrl-C stops it)`);
  console.log(`Demo sign-ins, password "${DEMO_PASSWORD}":`);
  for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(16)} ${u.email}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void stopAll(children, 1);
});
