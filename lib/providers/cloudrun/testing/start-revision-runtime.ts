// What runs a revision: in "process" mode a real child process (the sample service by default, in a process
// group of its own, as the local provider runs revisions) that is ready once it accepts connections; in
// "simulated" mode nothing runs and the revision is ready after a delay, so benchmarks measure the API alone.
import path from "node:path";
import { findFreePort } from "@/lib/providers/local/revision-entry";
import { spawnRevisionProcess, waitForPort } from "@/lib/providers/local/revision-process";

export type RevisionMode = "process" | "simulated";
export type ReadyOutcome = { ok: true } | { ok: false; message: string };

export type RevisionRuntime = {
  /** Where the revision listens; null in simulated mode. */
  port: number | null;
  /** The leader of the revision's process group; null in simulated mode. */
  pid: number | null;
  ready: Promise<ReadyOutcome>;
  stop: () => Promise<void>;
};

const root = path.resolve(import.meta.dirname, "../../../..");
export const SAMPLE_SERVICE_COMMAND = [path.join(root, "node_modules/.bin/tsx"), "workers/sample-service/server.ts"];
// Handed down from the server's environment, like the local provider does; the rest stays out of revisions.
const INHERITED = ["PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR", "NODE_EXTRA_CA_CERTS"];

/** Cloud Run's message for a container that never listened (the operation's error repeats it). */
export function failedToListenMessage({ port, logUri }: { port: number | string; logUri: string }): string {
  return (
    `The user-provided container failed to start and listen on the port defined provided by the PORT=${port} environment variable ` +
    "within the allocated timeout. This can happen when the container port is misconfigured or if the timeout is too short. " +
    `The health check timeout can be extended. Logs for this revision might contain more information.\n\nLogs URL: ${logUri}`
  );
}

/** The tag of an image reference (`registry:5000/repo/name:1.2.0@sha256:…` → `1.2.0`), `latest` when it has none. */
export function imageTag(image: string): string {
  const last = image.split("@")[0]!.split("/").pop() ?? "";
  const colon = last.lastIndexOf(":");
  return colon >= 0 ? last.slice(colon + 1) : "latest";
}

function inheritedEnv(): Record<string, string> {
  const env = Object.fromEntries(INHERITED.flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : [])));
  env.PATH = `${path.join(root, "node_modules/.bin")}${path.delimiter}${env.PATH ?? "/usr/bin:/bin"}`;
  return env;
}

export async function startRevisionRuntime({
  mode,
  command = SAMPLE_SERVICE_COMMAND,
  service,
  revision,
  image,
  env,
  logFile,
  logUri,
  readyTimeoutMs,
  simulatedReadyMs,
  forcedFailure,
}: {
  mode: RevisionMode;
  command?: string[];
  service: string;
  revision: string;
  image: string;
  /** The container's env as the template sets it. */
  env: Record<string, string>;
  logFile: string;
  logUri: string;
  readyTimeoutMs: number;
  simulatedReadyMs: number;
  /** A fault: the revision fails to become ready with this message whatever it does. */
  forcedFailure?: string;
}): Promise<RevisionRuntime> {
  const crashes = env.CRASH_ON_START === "1" || env.CRASH_ON_START === "true";
  if (mode === "simulated" || forcedFailure) {
    const outcome: ReadyOutcome = forcedFailure
      ? { ok: false, message: forcedFailure }
      : crashes
        ? { ok: false, message: failedToListenMessage({ port: 8080, logUri }) }
        : { ok: true };
    const ready = new Promise<ReadyOutcome>((resolve) => setTimeout(() => resolve(outcome), simulatedReadyMs));
    return { port: null, pid: null, ready, stop: async () => {} };
  }
  const port = await findFreePort();
  const child = spawnRevisionProcess({
    command,
    cwd: root,
    logFile,
    // Cloud Run's own variables win over the container's (they are reserved); VERSION is the image's tag.
    env: {
      ...inheritedEnv(),
      SERVICE_NAME: service,
      VERSION: imageTag(image),
      ...env,
      PORT: String(port),
      REVISION: revision,
      K_SERVICE: service,
      K_REVISION: revision,
      K_CONFIGURATION: service,
    },
  });
  const ready = waitForPort({ port, isAlive: child.isRunning, timeoutMs: readyTimeoutMs }).then(
    async (listening): Promise<ReadyOutcome> => {
      if (listening) return { ok: true };
      // Cloud Run stops a revision that never became ready; so does this.
      await child.stop();
      return { ok: false, message: failedToListenMessage({ port, logUri }) };
    },
  );
  return { port, pid: child.pid, ready, stop: async () => void (await child.stop()) };
}
