// The HTTP side of the test server: the OAuth token endpoint, then for /v2 paths the same order of checks as
// Google's front end (route, authentication, project, IAM and quota faults) before the RPC's handler.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import type { CloudRunAuth } from "./create-cloud-run-auth";
import type { CloudRunFaults } from "./create-cloud-run-faults";
import type { CloudRunHandlers } from "./create-cloud-run-handlers";
import { GoogleApiError, permissionDenied } from "./google-api-error";
import { parseCloudRunPath, routeResource } from "./parse-cloud-run-path";

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY_BYTES) req.destroy(new Error("request body too large"));
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8", "content-length": Buffer.byteLength(text) }).end(text);
}

function parseJson(text: string): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new GoogleApiError("INVALID_ARGUMENT", "Invalid JSON payload received.");
  }
}

export function createCloudRunRequestHandler({
  auth,
  projectId,
  faults,
  handlers,
  exposition,
}: {
  auth: CloudRunAuth;
  projectId: string;
  faults: CloudRunFaults;
  handlers: CloudRunHandlers;
  /** The request metrics, served unauthenticated at GET /metrics for a Prometheus to scrape. */
  exposition: Registry;
}): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const text = await readBody(req);
    if (url.pathname === "/token" && req.method === "POST") {
      const answer = auth.exchange(new URLSearchParams(text));
      return sendJson(res, answer.status, answer.body);
    }
    if (url.pathname === "/metrics" && req.method === "GET") {
      const text = await exposition.metrics();
      res.writeHead(200, { "content-type": exposition.contentType }).end(text);
      return;
    }
    const route = parseCloudRunPath({ verb: req.method ?? "GET", pathname: url.pathname });
    if (!route) throw new GoogleApiError("NOT_FOUND", `The requested URL ${req.method} ${url.pathname} was not found on this server.`);
    const caller = auth.authenticate(req.headers.authorization);
    // A project the caller has no role in is indistinguishable from one that does not exist: IAM refuses both.
    if (route.project !== projectId) throw permissionDenied({ permission: route.permission, resource: routeResource(route) });
    faults.checkRequest(route);
    const answer = await handlers[route.method]({ route, query: url.searchParams, body: parseJson(text), caller });
    sendJson(res, 200, answer);
  };
  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      const refusal = error instanceof GoogleApiError ? error : new GoogleApiError("INTERNAL", "Internal error encountered.");
      if (!(error instanceof GoogleApiError)) console.error("cloud run test server:", error);
      if (res.headersSent) res.end();
      else sendJson(res, refusal.httpStatus, refusal.toBody());
    });
  };
}
