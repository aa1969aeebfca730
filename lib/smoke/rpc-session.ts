// JSON-RPC over HTTP as an MCP client speaks it (Streamable HTTP): `initialize` with a protocol version,
// capabilities and client info, then `notifications/initialized`; every POST accepts JSON or an SSE stream;
// the `mcp-session-id` the server issues is carried on every later request and ended with a DELETE.
// `plain` JSON-RPC services get the call alone.
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import type { HeaderValue } from "./check-schemas";
import type { HttpAnswer, SmokeHttp } from "./smoke-http";

export type RpcResponse = { jsonrpc: "2.0"; id?: unknown; result?: unknown; error?: { code: number; message: string } };
export type RpcExchange = { answer: HttpAnswer; response: RpcResponse | null; problem: string | null };

export const CLIENT_INFO = { name: "flightdeck-smoke", version: "1.0.0" };

function isRpcResponse(value: unknown, id: number): value is RpcResponse {
  const v = value as RpcResponse | null;
  return typeof v === "object" && v !== null && v.jsonrpc === "2.0" && ("result" in v || "error" in v) && (v.id === id || v.id === null);
}

/** Finds the response to request `id` in a JSON body or in the `data:` lines of an SSE stream. */
export function readRpcResponse({ answer, id }: { answer: HttpAnswer; id: number }): RpcExchange {
  const messages: unknown[] = [];
  try {
    if (answer.contentType.includes("text/event-stream")) {
      for (const event of answer.text.split(/\r?\n\r?\n/)) {
        const data = event
          .split(/\r?\n/)
          .filter((line) => line.startsWith("data:"))
          .map((line) => line.slice(5).replace(/^ /, ""))
          .join("\n");
        if (data) messages.push(JSON.parse(data));
      }
    } else if (answer.text) {
      const body = JSON.parse(answer.text);
      messages.push(...(Array.isArray(body) ? body : [body]));
    }
  } catch {
    return {
      answer,
      response: null,
      problem: `HTTP ${answer.status}: the body is not JSON-RPC (${answer.contentType || "no content type"})`,
    };
  }
  const response = messages.find((m) => isRpcResponse(m, id)) ?? null;
  return { answer, response, problem: response ? null : `HTTP ${answer.status}: no JSON-RPC response to request ${id} in the answer` };
}

export type RpcSession = {
  /** The `initialize` exchange of an MCP session (null for plain JSON-RPC). */
  initialize: RpcExchange | null;
  /** Null when the session is usable; else why not (initialize failed). */
  failure: string | null;
  call: (options: { method: string; params?: unknown; signal?: AbortSignal }) => Promise<RpcExchange>;
  close: () => Promise<void>;
};

type SessionOptions = {
  http: SmokeHttp;
  path: string;
  headers: Record<string, HeaderValue>;
  protocol: "mcp" | "plain";
  signal: AbortSignal;
  /** Params of the initialize request, over the defaults (the initialize check's own). */
  initializeParams?: unknown;
};

export async function openRpcSession(options: SessionOptions): Promise<RpcSession> {
  const { http, path, signal } = options;
  let nextId = 1;
  const sessionHeaders: Record<string, string> = {};
  const post = (message: object, callSignal?: AbortSignal) =>
    http.send({
      method: "POST",
      path,
      headers: { ...options.headers, ...sessionHeaders, "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: { jsonrpc: "2.0", ...message },
      signal: callSignal ?? signal,
    });
  const call: RpcSession["call"] = async ({ method, params, signal: callSignal }) => {
    const id = nextId++;
    const answer = await post({ id, method, ...(params === undefined ? {} : { params }) }, callSignal);
    return readRpcResponse({ answer, id });
  };
  if (options.protocol === "plain") return { initialize: null, failure: null, call, close: async () => {} };

  const initParams = {
    protocolVersion: LATEST_PROTOCOL_VERSION,
    capabilities: {},
    clientInfo: CLIENT_INFO,
    ...(options.initializeParams as object),
  };
  const initialize = await call({ method: "initialize", params: initParams });
  const result = initialize.response?.result as { protocolVersion?: unknown } | undefined;
  const failure = initialize.response?.error
    ? `initialize answered JSON-RPC error ${initialize.response.error.code}: ${initialize.response.error.message}`
    : result
      ? null
      : (initialize.problem ?? "initialize gave no result");
  const sessionId = initialize.answer.headers.get("mcp-session-id");
  if (sessionId) sessionHeaders["mcp-session-id"] = sessionId;
  if (typeof result?.protocolVersion === "string") sessionHeaders["mcp-protocol-version"] = result.protocolVersion;
  if (!failure) await post({ method: "notifications/initialized" });
  const close = async () => {
    if (!sessionId || signal.aborted) return;
    // Ends the session at the server; a server that does not support it answers 405, which is fine.
    await http.send({ method: "DELETE", path, headers: { ...options.headers, ...sessionHeaders }, signal }).catch(() => undefined);
  };
  return { initialize, failure, call, close };
}
