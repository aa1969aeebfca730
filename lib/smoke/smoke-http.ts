// The runner's one way to the service under test: URLs stay under the base URL, secret headers are
// resolved here and nowhere else, bodies are read up to a cap, and every request is timed and counted.
import type { HeaderValue } from "./check-schemas";

// Enough for any JSON-RPC result a check asserts on; a service answering more is cut off, not buffered.
const MAX_BODY_BYTES = 256 * 1024;

export type HttpAnswer = { status: number; contentType: string; headers: Headers; text: string; latencyMs: number };
export type HttpRequest = {
  method: string;
  path: string;
  headers?: Record<string, HeaderValue | string>;
  body?: unknown;
  signal?: AbortSignal;
};

export type SmokeHttp = {
  send: (request: HttpRequest) => Promise<HttpAnswer>;
  /** Requests sent and time spent waiting on them, since `tally` was last reset. */
  tally: { requests: number; requestMs: number };
};

/** A check that cannot even be set up (a secret the service does not have): fails with this message. */
export class SmokeSetupError extends Error {}

function resolveHeaders(headers: HttpRequest["headers"], secrets: Record<string, string>): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (typeof value === "string") resolved[name] = value;
    else if (secrets[value.secret] !== undefined) resolved[name] = secrets[value.secret]!;
    else throw new SmokeSetupError(`header ${name} needs the secret ${value.secret}, which this service does not have`);
  }
  return resolved;
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= MAX_BODY_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function createSmokeHttp({ baseUrl, secrets }: { baseUrl: URL; secrets: Record<string, string> }): SmokeHttp {
  const prefix = `${baseUrl.origin}${baseUrl.pathname.replace(/\/+$/, "")}`;
  const tally = { requests: 0, requestMs: 0 };
  return {
    tally,
    send: async ({ method, path, headers, body, signal }) => {
      const resolved = resolveHeaders(headers, secrets);
      const isText = typeof body === "string" || body === undefined;
      if (!isText && !Object.keys(resolved).some((h) => h.toLowerCase() === "content-type")) resolved["content-type"] = "application/json";
      const began = performance.now();
      tally.requests += 1;
      try {
        const response = await fetch(`${prefix}${path}`, {
          method,
          headers: resolved,
          body: body === undefined ? undefined : isText ? (body as string) : JSON.stringify(body),
          signal,
          redirect: "manual",
        });
        const text = await readCapped(response);
        const latencyMs = performance.now() - began;
        return {
          status: response.status,
          contentType: response.headers.get("content-type") ?? "",
          headers: response.headers,
          text,
          latencyMs,
        };
      } finally {
        tally.requestMs += performance.now() - began;
      }
    },
  };
}
