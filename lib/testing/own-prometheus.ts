// A private Prometheus for one test file (Debian's `prometheus` package): its own port, configuration and
// data directory, scraping what the test names every second, so a test reads real PromQL results over
// real scrapes of real processes. Never the operator's Prometheus, which may not even exist here.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, waitUntil } from "./own-redis";

export type OwnPrometheus = {
  url: string;
  /** Evaluates PromQL now; rejects unless Prometheus answers with success. */
  query: (promql: string) => Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  /** Resolves once every scrape target has been scraped successfully at least once. */
  waitForTargetsUp: () => Promise<void>;
  /** Stops the server (SIGTERM, SIGKILL after 5 s) and deletes its directory. */
  stop: () => Promise<void>;
};

/** Targets Prometheus re-reads from a JSON file (file_sd), with a bearer token: pods reached through an API server's proxy. */
export type FileScrapeTargets = { file: string; bearerToken?: string };

function fileSdJob({ file, bearerToken }: FileScrapeTargets): string[] {
  return [
    "  - job_name: flightdeck-test-file-sd",
    ...(bearerToken ? ["    authorization:", `      credentials: '${bearerToken}'`] : []),
    "    file_sd_configs:",
    `      - files: ['${file}']`,
    "        refresh_interval: 1s",
  ];
}

function configFor({
  targets,
  scrapeIntervalSeconds,
  fileTargets,
}: {
  targets: string[];
  scrapeIntervalSeconds: number;
  fileTargets?: FileScrapeTargets;
}): string {
  return [
    "global:",
    `  scrape_interval: ${scrapeIntervalSeconds}s`,
    `  scrape_timeout: ${scrapeIntervalSeconds}s`,
    `  evaluation_interval: ${scrapeIntervalSeconds}s`,
    "scrape_configs:",
    "  - job_name: flightdeck-test",
    "    static_configs:",
    `      - targets: [${targets.map((t) => `'${t}'`).join(", ")}]`,
    ...(fileTargets ? fileSdJob(fileTargets) : []),
    "",
  ].join("\n");
}

export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Starts one of the Prometheus family (Prometheus, Alertmanager) on `port` with its configuration written to
 * `dir`, and resolves once `/-/ready` answers; if it never does, stops it and removes `dir`. `stop` does both.
 */
export async function startReadyServer({
  name,
  binary,
  dir,
  port,
  args,
}: {
  name: string;
  binary: string;
  dir: string;
  port: number;
  args: string[];
}): Promise<{ url: string; stop: () => Promise<void> }> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(binary, [...args, `--web.listen-address=127.0.0.1:${port}`, "--log.level=error"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  child.once("error", (error) => console.error(`own ${name}: ${error.message}`));
  const stop = async () => {
    await stopProcess(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
        const res = await fetch(`${url}/-/ready`);
        if (!res.ok) throw new Error(`/-/ready answered ${res.status}`);
      },
      { timeoutMs: 30_000, what: `${name} on ${port}` },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** Starts Prometheus on 127.0.0.1 scraping `targets` ("host:port", path /metrics); resolves once it is ready. */
export async function startOwnPrometheus({
  targets,
  scrapeIntervalSeconds = 1,
  fileTargets,
}: {
  targets: string[];
  scrapeIntervalSeconds?: number;
  /** Also scrape what this file lists (Prometheus file_sd JSON; `__metrics_path__` per target group allowed). */
  fileTargets?: FileScrapeTargets;
}): Promise<OwnPrometheus> {
  const dir = await mkdtemp(path.join(tmpdir(), "fd-own-prometheus-"));
  await writeFile(path.join(dir, "prometheus.yml"), configFor({ targets, scrapeIntervalSeconds, fileTargets }));
  const { url, stop } = await startReadyServer({
    name: "prometheus",
    binary: process.env.PROMETHEUS_PATH ?? "prometheus",
    dir,
    port: await freePort(),
    args: [`--config.file=${path.join(dir, "prometheus.yml")}`, `--storage.tsdb.path=${path.join(dir, "data")}`],
  });
  const api = async (pathAndQuery: string) => {
    const body = (await (await fetch(`${url}${pathAndQuery}`)).json()) as { status: string; error?: string; data: unknown };
    if (body.status !== "success") throw new Error(`prometheus ${pathAndQuery}: ${body.error ?? body.status}`);
    return body.data;
  };
  return {
    url,
    query: async (promql) => ((await api(`/api/v1/query?query=${encodeURIComponent(promql)}`)) as { result: never }).result,
    waitForTargetsUp: () =>
      waitUntil(
        async () => {
          const { activeTargets } = (await api("/api/v1/targets")) as { activeTargets: { health: string; lastError: string }[] };
          const down = activeTargets.filter((t) => t.health !== "up");
          if (activeTargets.length === 0 || down.length > 0) throw new Error(`targets not up: ${JSON.stringify(down)}`);
        },
        { timeoutMs: 30_000, what: "prometheus scrape targets" },
      ),
    stop,
  };
}
