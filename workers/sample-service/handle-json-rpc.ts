// The JSON-RPC 2.0 side of /mcp: the handful of MCP methods the smoke suite calls, with small fixed data.
type Id = string | number | null;
type RpcResponse = { jsonrpc: "2.0"; id: Id; result?: unknown; error?: { code: number; message: string } };

export const RPC_PARSE_ERROR = -32700;
export const RPC_INVALID_REQUEST = -32600;
export const RPC_METHOD_NOT_FOUND = -32601;
export const RPC_INVALID_PARAMS = -32602;

const REPOS: Record<string, string[]> = {
  flightdeck: ["app/", "lib/providers/", "workers/sample-service/"],
  "sample-service": ["server.ts", "README.md"],
  runbooks: ["deploy.md", "rollback.md"],
};

const TOOLS = [
  { name: "list_repos", description: "List the repositories this service knows", inputSchema: { type: "object", properties: {} } },
  {
    name: "get_repo_paths",
    description: "List the paths of one repository",
    inputSchema: { type: "object", properties: { repo: { type: "string" } }, required: ["repo"] },
  },
];

function error(id: Id, code: number, message: string): RpcResponse {
  return { jsonrpc: "2.0", id, error: { code, message } };
}

function text(data: unknown): { content: { type: "text"; text: string }[] } {
  return { content: [{ type: "text", text: JSON.stringify(data) }] };
}

function callTool(id: Id, params: Record<string, unknown>): RpcResponse {
  const args = (params.arguments ?? {}) as Record<string, unknown>;
  if (params.name === "list_repos") return { jsonrpc: "2.0", id, result: text(Object.keys(REPOS)) };
  if (params.name === "get_repo_paths") {
    const paths = typeof args.repo === "string" ? REPOS[args.repo] : undefined;
    if (!paths) return error(id, RPC_INVALID_PARAMS, `unknown repo ${JSON.stringify(args.repo)}`);
    return { jsonrpc: "2.0", id, result: text(paths) };
  }
  return error(id, RPC_INVALID_PARAMS, `unknown tool ${JSON.stringify(params.name)}`);
}

/**
 * Answers one JSON-RPC message (already-read body text). Returns undefined for a notification (no id),
 * which gets no response body.
 */
export function handleJsonRpc({ body, service, version }: { body: string; service: string; version: string }): RpcResponse | undefined {
  let message: unknown;
  try {
    message = JSON.parse(body);
  } catch {
    return error(null, RPC_PARSE_ERROR, "Parse error: the body is not JSON");
  }
  const request = message as { jsonrpc?: unknown; id?: Id; method?: unknown; params?: unknown };
  if (!request || typeof request !== "object" || request.jsonrpc !== "2.0" || typeof request.method !== "string") {
    return error(request?.id ?? null, RPC_INVALID_REQUEST, "Invalid Request: expected a JSON-RPC 2.0 object with a method");
  }
  if (request.id === undefined) return undefined;
  const id = request.id;
  const params = (request.params ?? {}) as Record<string, unknown>;
  switch (request.method) {
    case "initialize":
      return {
        jsonrpc: "2.0",
        id,
        result: { protocolVersion: "2025-06-18", serverInfo: { name: service, version }, capabilities: { tools: {} } },
      };
    case "tools/list":
      return { jsonrpc: "2.0", id, result: { tools: TOOLS } };
    case "tools/call":
      return callTool(id, params);
    default:
      return error(id, RPC_METHOD_NOT_FOUND, `Method not found: ${request.method}`);
  }
}
