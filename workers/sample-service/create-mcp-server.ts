// The sample service's MCP server, built with the official SDK so that the smoke suite's JSON-RPC checks
// are proven against the protocol's own implementation. Two tools over small fixed data, named after the
// documents' ecosystem, and the knobs that make a release answer them wrongly.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { SampleSettings } from "./settings";

export const SAMPLE_REPOS: Record<string, string[]> = {
  mahavishnu: ["mahavishnu/core/app.py", "mahavishnu/mcp/server.py", "docs/PRODUCTION_DEPLOYMENT_GUIDE.md", "scripts/smoke_tests.sh"],
  "session-buddy": ["session_buddy/server.py", "session_buddy/storage.py"],
  akosha: ["akosha/api.py", "akosha/ingest.py"],
};

function toolResult(data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(data) }], structuredContent: data };
}

// What a regression in a tool looks like from outside: the call "succeeds" at the protocol level and the
// tool reports that it failed.
function brokenResult(tool: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text: `${tool} failed: the repository index is unavailable` }] };
}

export type McpServerOptions = { settings: SampleSettings };

/** A new server per MCP session: the SDK's Server holds one connection's protocol state. */
export function createMcpServer({ settings }: McpServerOptions): McpServer {
  const server = new McpServer({ name: settings.SERVICE_NAME, version: settings.VERSION }, { capabilities: { tools: {} } });
  const isBroken = (tool: string) => settings.BROKEN_TOOLS.includes(tool);

  server.registerTool(
    "list_repos",
    {
      description: "List the repositories this service knows",
      outputSchema: { repos: z.array(z.string()) },
    },
    async () => (isBroken("list_repos") ? brokenResult("list_repos") : toolResult({ repos: Object.keys(SAMPLE_REPOS) })),
  );

  server.registerTool(
    "get_repo_paths",
    {
      description: "List the paths of one repository",
      inputSchema: { repo: z.string().min(1).describe("a name list_repos returns") },
      outputSchema: { repo: z.string(), paths: z.array(z.string()) },
    },
    async ({ repo }) => {
      if (isBroken("get_repo_paths")) return brokenResult("get_repo_paths");
      const paths = SAMPLE_REPOS[repo];
      if (!paths) return { isError: true, content: [{ type: "text", text: `unknown repository ${JSON.stringify(repo)}` }] };
      return toolResult({ repo, paths });
    },
  );

  if (settings.ACCEPT_UNKNOWN_METHODS) {
    // The regression the "invalid method" check exists for: anything unknown "succeeds" silently.
    server.server.fallbackRequestHandler = async () => ({});
  }
  return server;
}
