// Pods without processes, for benches that run a thousand rollouts at once: a container becomes ready
// after a delay and answers through the service proxy as the sample service would (/health with its
// VERSION, the x-version and x-revision headers, ERROR_RATE as a share of 500s on everything but /health).
import type { IncomingMessage, ServerResponse } from "node:http";
import { containerEnv, type PodRuntime } from "./pod-runtime";

function respond(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function createSimulatedService(env: Record<string, string>) {
  const startedAt = Date.now();
  const errorRate = Math.min(1, Math.max(0, Number(env.ERROR_RATE ?? 0) || 0));
  let owed = 0;
  const who = { service: env.SERVICE_NAME, version: env.VERSION };
  return (req: IncomingMessage, res: ServerResponse, path: string) => {
    req.resume();
    res.setHeader("x-service", env.SERVICE_NAME ?? "");
    res.setHeader("x-version", env.VERSION ?? "");
    res.setHeader("x-revision", env.REVISION ?? env.VERSION ?? "");
    const route = path.split("?")[0];
    if (route === "/health")
      return respond(res, 200, { status: "healthy", ...who, uptime_seconds: Math.round((Date.now() - startedAt) / 1000) });
    // Deterministic error share: every request owes errorRate of a failure, and pays it once it adds up to one.
    owed += errorRate;
    if (owed >= 1) {
      owed -= 1;
      return respond(res, 500, { error: "injected failure", ...who });
    }
    respond(res, 200, { ok: true, ...who, revision: env.REVISION });
  };
}

export function createSimulatedPodRuntime({ readyDelayMs }: { readyDelayMs: number }): PodRuntime {
  return {
    start: async (input) => {
      const serve = createSimulatedService(containerEnv(input.pod, 0));
      const timer = input.neverReady ? undefined : setTimeout(input.onReady, readyDelayMs);
      timer?.unref();
      return {
        endpoint: { kind: "simulated", serve },
        pid: null,
        stop: async () => clearTimeout(timer),
      };
    },
  };
}
