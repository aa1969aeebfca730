// One revision inside the supervisor: its process, its persisted record, the proxy's counters for it and
// the keep-alive agent the proxy reaches it through.
import { Agent } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import type { RevisionStatus } from "../types";
import type { StartRevisionBody } from "./control-schemas";
import { createRequestMetrics, type RecordedRequest, type RequestMetrics } from "./request-metrics";
import { spawnRevisionProcess, waitForPort } from "./revision-process";
import { createRevisionSamples, type RevisionSamples } from "./revision-samples";
import type { Watchdog } from "./start-watchdog";
import type { PersistedRevision } from "./supervisor-state";

// A revision that does not accept connections by then stays "starting" (not ready) and says why.
const READY_TIMEOUT_MS = 60_000;
// Passed through from the supervisor's environment; everything else is left out so that the control plane's
// own secrets (DATABASE_URL, NEXTAUTH_SECRET…) never reach a deployed service.
const INHERITED = ["PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR", "SHELL", "NODE_EXTRA_CA_CERTS"];
// Like npm scripts do, so a target's command may say `tsx …` however the worker was started.
const PROJECT_BIN = path.resolve(import.meta.dirname, "../../../node_modules/.bin");

export type RevisionEntry = {
  record: PersistedRevision;
  metrics: RequestMetrics;
  /** Process readings and health probes (start-revision-sampling.ts). */
  samples: RevisionSamples;
  agent: Agent;
  stop: () => Promise<void>;
};

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function revisionEnv({ body, port }: { body: StartRevisionBody; port: number }): Record<string, string> {
  const inherited = Object.fromEntries(INHERITED.flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : [])));
  inherited.PATH = `${PROJECT_BIN}${path.delimiter}${inherited.PATH ?? "/usr/bin:/bin"}`;
  const { version, image, digest } = body.release;
  return { ...inherited, ...body.env, PORT: String(port), VERSION: version, REVISION: body.name, IMAGE: image, DIGEST: digest };
}

export async function startRevisionEntry({
  body,
  logFile,
  watchdog,
  onChange,
  onRecord,
}: {
  body: StartRevisionBody;
  logFile: string;
  watchdog: Watchdog;
  onChange: () => void;
  onRecord?: (request: RecordedRequest) => void;
}): Promise<RevisionEntry> {
  const port = await findFreePort();
  const child = spawnRevisionProcess({ command: body.command, env: revisionEnv({ body, port }), cwd: body.cwd, logFile });
  if (child.pid) watchdog.watch(child.pid);
  const { version, image, digest } = body.release;
  const record: PersistedRevision = {
    name: body.name,
    version,
    image,
    digest,
    port,
    pid: child.pid,
    state: "starting",
    createdAt: new Date().toISOString(),
  };
  const agent = new Agent({ keepAlive: true });
  void waitForPort({ port, isAlive: child.isRunning, timeoutMs: READY_TIMEOUT_MS }).then((ready) => {
    if (record.state !== "starting") return;
    if (ready) record.state = "running";
    else if (child.isRunning()) record.reason = `not accepting connections on ${port} after ${READY_TIMEOUT_MS / 1000} s`;
    onChange();
  });
  void child.exited.then((exit) => {
    if (child.pid) watchdog.unwatch(child.pid);
    agent.destroy();
    if (record.state !== "stopped") Object.assign(record, { state: "exited", exitCode: exit.code, reason: exit.reason });
    onChange();
  });
  return {
    record,
    metrics: createRequestMetrics({ onRecord }),
    samples: createRevisionSamples(),
    agent,
    stop: async () => void (await child.stop()),
  };
}

export function toRevisionStatus({ record, traffic }: { record: PersistedRevision; traffic: number }): RevisionStatus {
  const isLive = record.state === "running" || record.state === "starting";
  return {
    name: record.name,
    version: record.version,
    image: record.image,
    digest: record.digest,
    state: record.state,
    ready: record.state === "running",
    healthy: isLive,
    url: isLive ? `http://127.0.0.1:${record.port}` : null,
    traffic,
    createdAt: record.createdAt,
    ...(record.exitCode !== undefined ? { exitCode: record.exitCode } : {}),
    ...(record.reason ? { reason: record.reason } : {}),
  };
}
