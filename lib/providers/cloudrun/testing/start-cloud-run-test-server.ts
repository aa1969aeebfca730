// A Cloud Run Admin API v2 endpoint on 127.0.0.1 that the real `@google-cloud/run` clients (REST transport)
// cannot tell from the service: see README.md in this folder for what it supports and how to start it.
import { mkdir } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CloudRunController } from "./cloud-run-controller";
import { createCloudRunAuth } from "./create-cloud-run-auth";
import { createCloudRunExposition } from "./create-cloud-run-exposition";
import { type CloudRunFaultControls, createCloudRunFaults } from "./create-cloud-run-faults";
import { createCloudRunHandlers } from "./create-cloud-run-handlers";
import { createOperationRegistry } from "./create-operation-registry";
import { createCloudRunRequestHandler } from "./handle-cloud-run-request";
import { createServiceAccountKey, type ServiceAccountKeyJson } from "./service-account-key";
import { failedToListenMessage, type RevisionMode, startRevisionRuntime } from "./start-revision-runtime";

function signalGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // ESRCH: already gone.
  }
}

export type CloudRunTestServer = {
  /** `http://127.0.0.1:<port>`: the API, the token endpoint (`/token`) and the request metrics (`/metrics`, Prometheus text). */
  url: string;
  port: number;
  projectId: string;
  region: string;
  /** A key of a service account that may do everything; its `token_uri` is this server's `/token`. */
  serviceAccountKey: ServiceAccountKeyJson;
  faults: CloudRunFaultControls;
  /** Access tokens issued by `/token` so far: proves a client ran the OAuth exchange at the key's token_uri. */
  issuedTokens: () => number;
  /** The process group of every revision running now (process mode), so tests can prove stop() leaves none. */
  runningProcessGroups: () => number[];
  /** Stops every revision process (whole process groups), closes every URL and the API. */
  stop: () => Promise<void>;
};

export async function startCloudRunTestServer({
  port = 0,
  stateDir,
  revisionMode,
  projectId = "flightdeck-test",
  region = "us-central1",
  command,
  readyTimeoutMs = 60_000,
  simulatedReadyMs = 200,
  minOperationMs = 200,
  onRoute,
}: {
  port?: number;
  /** Where revision logs go (a revision's `logUri` is a file: URL there). */
  stateDir: string;
  revisionMode: RevisionMode;
  projectId?: string;
  region?: string;
  /** What a revision runs in process mode; the sample service by default. */
  command?: string[];
  /** How long a revision process gets to accept connections before its Ready condition fails. */
  readyTimeoutMs?: number;
  /** How long a simulated revision takes to become ready. */
  simulatedReadyMs?: number;
  /** No operation is done before this, even when its work is: clients see `done: false` first, as with Cloud Run. */
  minOperationMs?: number;
  /** Called the moment a service URL's split changes, with the revisions and percents it now serves. */
  onRoute?: (service: string, split: { revision: string; percent: number }[]) => void;
}): Promise<CloudRunTestServer> {
  await mkdir(stateDir, { recursive: true });
  const server = createServer();
  await new Promise<void>((resolve, reject) => (server.once("error", reject), server.listen(port, "127.0.0.1", resolve)));
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const url = `http://127.0.0.1:${actualPort}`;
  const key = createServiceAccountKey({ projectId, baseUrl: url });
  const faults = createCloudRunFaults();
  const operations = createOperationRegistry({ minDurationMs: minOperationMs });
  const logFileOf = (service: string, revision: string) => path.join(stateDir, `${service}.${revision}.log`);
  const logUriOf = (service: string, revision: string) => pathToFileURL(logFileOf(service, revision)).href;
  const exposition = createCloudRunExposition({ projectId, region });
  const controller = new CloudRunController({
    observe: exposition.observe,
    onRoute,
    operations,
    faults,
    logFileOf,
    logUriOf,
    start: (service, revision) => {
      const forced = faults.revisionFailure(revision.name);
      return startRevisionRuntime({
        mode: revisionMode,
        command,
        service: service.id,
        revision: revision.name,
        image: revision.image,
        env: revision.env,
        logFile: revision.logFile,
        logUri: revision.logUri,
        readyTimeoutMs,
        simulatedReadyMs,
        forcedFailure: forced === "" ? failedToListenMessage({ port: 8080, logUri: revision.logUri }) : forced,
      });
    },
  });
  const handlers = createCloudRunHandlers({ controller, operations, faults });
  const auth = createCloudRunAuth({ keys: [key.publicKey], tokenUri: key.json.token_uri });
  server.on("request", createCloudRunRequestHandler({ auth, projectId, faults, handlers, exposition: exposition.registry }));
  // Revisions run in process groups of their own: if whoever started the server exits without stop() (a test
  // runner that crashes), they would outlive it. A synchronous kill on exit is the last resort.
  const killOnExit = () => controller.runningGroups().forEach((pid) => signalGroup(pid));
  process.on("exit", killOnExit);
  const { checkRequest: _check, isDenied: _denied, revisionFailure: _failure, takeOperationFailure: _take, ...controls } = faults;
  return {
    url,
    port: actualPort,
    projectId,
    region,
    serviceAccountKey: key.json,
    faults: controls,
    issuedTokens: () => auth.issuedTokens(),
    runningProcessGroups: () => controller.runningGroups(),
    stop: async () => {
      process.off("exit", killOnExit);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await controller.stopAll();
      await operations.settled();
    },
  };
}
