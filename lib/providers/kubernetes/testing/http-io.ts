// Request bodies in and JSON (or Status errors) out, with the headers an API server sends.
import type { IncomingMessage, ServerResponse } from "node:http";
import { KubeStatusError, kubeErrors } from "./kube-status-error";

// The API server's own limit on a request body.
const MAX_BODY_BYTES = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new KubeStatusError(413, "RequestEntityTooLarge", "Request entity too large: limit is 3145728");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw kubeErrors.badRequest(`the server could not decode the request body: ${(error as Error).message}`);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "cache-control": "no-cache, private",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof KubeStatusError) {
    const retry = error.details?.retryAfterSeconds;
    sendJson(res, error.code, error.toStatus(), retry !== undefined ? { "retry-after": String(retry) } : {});
    return;
  }
  console.error("test cluster: unexpected error", error);
  sendJson(res, 500, kubeErrors.internal((error as Error)?.message ?? String(error)).toStatus());
}

/** What the API server answers for a path nothing serves (an uninstalled group, an unknown resource). */
export function sendNotFoundPage(res: ServerResponse): void {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" });
  res.end("404 page not found\n");
}
