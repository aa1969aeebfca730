// /mcp over Streamable HTTP with sessions, as the SDK's stateful mode does it: `initialize` opens a
// session (a new McpServer and transport, found again by the `mcp-session-id` header), DELETE ends it.
// The rate limit counts JSON-RPC requests per session, so one client's burst never throttles another.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest, isJSONRPCRequest } from "@modelcontextprotocol/sdk/types.js";
import { createMcpServer } from "./create-mcp-server";
import { createRateLimiter } from "./create-rate-limiter";
import type { SampleSettings } from "./settings";

// Sessions nobody used for this long are closed; past MAX_SESSIONS the least recently used one goes.
const SESSION_IDLE_MS = 5 * 60_000;
const MAX_SESSIONS = 1000;

type Session = { transport: StreamableHTTPServerTransport; lastSeen: number };

export type McpEndpoint = {
  handle: (options: { req: IncomingMessage; res: ServerResponse; body?: string }) => Promise<void>;
  close: () => Promise<void>;
};

function rpcError(
  res: ServerResponse,
  { status, code, message, id = null }: { status: number; code: number; message: string; id?: unknown },
) {
  const text = JSON.stringify({ jsonrpc: "2.0", id, error: { code, message } });
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const requestsIn = (message: unknown): unknown[] => (Array.isArray(message) ? message : [message]).filter(isJSONRPCRequest);

export function createMcpEndpoint({ settings }: { settings: SampleSettings }): McpEndpoint {
  const sessions = new Map<string, Session>();
  const limiter = createRateLimiter({ limit: settings.MCP_RATE_LIMIT, windowMs: settings.MCP_RATE_WINDOW_MS });
  const forget = (id: string) => {
    sessions.delete(id);
    limiter.forget(id);
  };
  const drop = (id: string) => {
    const session = sessions.get(id);
    forget(id);
    void session?.transport.close();
  };
  const sweep = setInterval(() => {
    for (const [id, s] of sessions) if (Date.now() - s.lastSeen > SESSION_IDLE_MS) drop(id);
  }, 30_000);
  sweep.unref();

  async function openSession({ req, res, message }: { req: IncomingMessage; res: ServerResponse; message: unknown }) {
    if (sessions.size >= MAX_SESSIONS) drop([...sessions].sort((a, b) => a[1].lastSeen - b[1].lastSeen)[0]![0]);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      enableJsonResponse: settings.MCP_JSON_RESPONSE,
      onsessioninitialized: (id) => void sessions.set(id, { transport, lastSeen: Date.now() }),
      // A DELETE: the transport closes itself once this returns.
      onsessionclosed: (id) => forget(id),
    });
    await createMcpServer({ settings }).connect(transport);
    await transport.handleRequest(req, res, message);
  }

  return {
    handle: async ({ req, res, body }) => {
      let message: unknown;
      if (req.method === "POST") {
        try {
          message = JSON.parse(body ?? "");
        } catch {
          return rpcError(res, { status: 400, code: -32700, message: "Parse error: the body is not JSON" });
        }
      }
      const sessionId = req.headers["mcp-session-id"];
      if (typeof sessionId !== "string") {
        if (req.method === "POST" && isInitializeRequest(message)) return openSession({ req, res, message });
        return rpcError(res, { status: 400, code: -32000, message: "Bad Request: no valid session id; send initialize first" });
      }
      const session = sessions.get(sessionId);
      if (!session) return rpcError(res, { status: 404, code: -32001, message: "Session not found" });
      session.lastSeen = Date.now();
      for (const request of requestsIn(message)) {
        const decision = limiter.take({ key: sessionId, now: Date.now() });
        if (!decision.allowed) {
          res.setHeader("retry-after", String(Math.ceil(decision.retryAfterMs / 1000)));
          const limit = `${settings.MCP_RATE_LIMIT} requests per ${settings.MCP_RATE_WINDOW_MS / 1000} s per session`;
          return rpcError(res, {
            status: 429,
            code: -32000,
            message: `Rate limit exceeded: ${limit}`,
            id: (request as { id: unknown }).id,
          });
        }
      }
      await session.transport.handleRequest(req, res, message);
    },
    close: async () => {
      clearInterval(sweep);
      for (const id of [...sessions.keys()]) drop(id);
    },
  };
}
