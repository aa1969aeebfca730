// The sample service's HTTP handling, separate from its entry point so tests can run it in-process.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createErrorSchedule, delay } from "./fault-injection";
import type { McpEndpoint } from "./create-mcp-endpoint";
import { createServiceMetrics, type ServiceMetrics } from "./service-metrics";
import type { SampleSettings } from "./settings";

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY_BYTES) req.destroy(new Error("body too large"));
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, type = "application/json"): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function createRoutes({
  settings,
  metrics,
  mcp,
  startedAt,
}: {
  settings: SampleSettings;
  metrics: ServiceMetrics;
  mcp: McpEndpoint;
  startedAt: number;
}): Record<string, Route> {
  const schedule = createErrorSchedule(settings.ERROR_RATE);
  // With ERRORS_AFTER_SECONDS the schedule starts counting only then, so the failing share is exact from then on.
  const shouldFail = () => Date.now() - startedAt >= settings.ERRORS_AFTER_SECONDS * 1000 && schedule();
  const who = { service: settings.SERVICE_NAME, version: settings.VERSION };
  // Only the "business" endpoints misbehave: a bad release still answers /health, as real ones often do.
  const faulty = async (res: ServerResponse, answer: () => Promise<void>) => {
    await delay(settings.ADDED_LATENCY_MS);
    if (shouldFail()) return send(res, 500, { error: "injected failure", ...who });
    await answer();
  };
  return {
    "GET /health": async (_req, res) => {
      await delay(settings.HEALTH_LATENCY_MS);
      const healthy = settings.HEALTH_STATUS < 400;
      send(res, settings.HEALTH_STATUS, {
        status: healthy ? "healthy" : "unhealthy",
        ...who,
        uptime_seconds: Math.round((Date.now() - startedAt) / 1000),
      });
    },
    "GET /metrics": async (_req, res) => send(res, 200, metrics.render(who), "text/plain; version=0.0.4"),
    "POST /mcp": async (req, res) => {
      const body = await readBody(req);
      await faulty(res, () => mcp.handle({ req, res, body }));
    },
    // The session's server-to-client stream, and the end of a session.
    "GET /mcp": async (req, res) => mcp.handle({ req, res }),
    "DELETE /mcp": async (req, res) => mcp.handle({ req, res }),
    "GET /work": async (_req, res) => faulty(res, async () => send(res, 200, { ok: true, ...who, revision: settings.REVISION })),
    "POST /work": async (req, res) => {
      await readBody(req);
      await faulty(res, async () => send(res, 200, { ok: true, ...who, revision: settings.REVISION }));
    },
  };
}

/**
 * The MCP SDK costs about a second of CPU to load. It loads in the background once the port is open, so a
 * revision starts (and answers /health) as fast as without it; an early /mcp request waits for it.
 */
function lazyMcpEndpoint(settings: SampleSettings): McpEndpoint & { warm: () => void } {
  let loading: Promise<McpEndpoint> | undefined;
  const load = () => (loading ??= import("./create-mcp-endpoint").then((m) => m.createMcpEndpoint({ settings })));
  return {
    handle: async (options) => (await load()).handle(options),
    close: async () => void (loading && (await (await loading).close())),
    warm: () => void load(),
  };
}

export function createSampleService(settings: SampleSettings): Server {
  const startedAt = Date.now();
  const metrics = createServiceMetrics();
  const mcp = lazyMcpEndpoint(settings);
  const routes = createRoutes({ settings, metrics, mcp, startedAt });
  const server = createServer((req, res) => {
    const began = performance.now();
    res.setHeader("x-service", settings.SERVICE_NAME);
    res.setHeader("x-version", settings.VERSION);
    res.setHeader("x-revision", settings.REVISION ?? settings.VERSION);
    res.on("finish", () => metrics.observe({ status: res.statusCode, seconds: (performance.now() - began) / 1000 }));
    const route = routes[`${req.method} ${(req.url ?? "/").split("?")[0]}`];
    const handled = route ? route(req, res) : Promise.resolve(send(res, 404, { error: `no route ${req.method} ${req.url}` }));
    handled.catch((error: Error) => {
      if (!res.headersSent) send(res, 500, { error: error.message });
      else res.destroy();
    });
  });
  server.on("listening", () => mcp.warm());
  server.on("close", () => void mcp.close());
  return server;
}
