// A private PostgreSQL for one test file, so a test may stop and restart it to simulate an outage without
// touching the machine's shared server. We run as root and Postgres refuses root, so initdb and pg_ctl run
// as the `postgres` OS user, in a temporary directory that user owns.
import { execFile } from "node:child_process";
import { chown, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./own-redis";

const run = promisify(execFile);

export type OwnPostgres = {
  port: number;
  /** URL of the `postgres` database; derive others with databaseUrlFor(name, url). */
  url: string;
  start: () => Promise<void>;
  /** Fast shutdown (clients are disconnected); the data directory stays for a later start(). */
  stop: () => Promise<void>;
  /** Stops the server if running and deletes its directory. */
  cleanup: () => Promise<void>;
  /** How long initdb took, in ms. */
  initMs: number;
};

async function binDir(): Promise<string> {
  const root = "/usr/lib/postgresql";
  const versions = (await readdir(root)).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error(`No PostgreSQL binaries under ${root}; install the postgresql package.`);
  return path.join(root, versions[0], "bin");
}

async function asPostgres(command: string, args: string[]): Promise<void> {
  const asRoot = process.getuid?.() === 0;
  await (asRoot ? run("runuser", ["-u", "postgres", "--", command, ...args]) : run(command, args));
}

async function postgresUid(): Promise<{ uid: number; gid: number }> {
  const { stdout } = await run("id", ["-u", "postgres"]);
  const { stdout: gid } = await run("id", ["-g", "postgres"]);
  return { uid: Number(stdout.trim()), gid: Number(gid.trim()) };
}

export async function createOwnPostgres(): Promise<OwnPostgres> {
  const bin = await binDir();
  const dir = await mkdtemp(path.join(tmpdir(), "fd-own-pg-"));
  if (process.getuid?.() === 0) {
    const { uid, gid } = await postgresUid();
    await chown(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const port = await freePort();
  const started = performance.now();
  await asPostgres(path.join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--no-sync",
    "--no-instructions",
  ]);
  const initMs = Math.round(performance.now() - started);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const pgCtl = path.join(bin, "pg_ctl");
  let isRunning = false;
  const stop = async () => {
    if (!isRunning) return;
    await asPostgres(pgCtl, ["-D", data, "-m", "fast", "-w", "stop"]);
    isRunning = false;
  };
  return {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    initMs,
    start: async () => {
      if (isRunning) return;
      await asPostgres(pgCtl, ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "-t", "30", "start"]);
      isRunning = true;
    },
    stop,
    cleanup: async () => {
      await stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
