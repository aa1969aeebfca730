// The sample service's /mcp against the SDK's own client: what a real MCP client sees, knobs included.
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { z } from "zod";
import { afterEach, describe, expect, it } from "vitest";
import { createSampleService } from "./create-sample-service";
import { readSampleSettings } from "./settings";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function connect(env: Record<string, string> = {}): Promise<{ client: Client; base: string }> {
  const server = createSampleService(readSampleSettings({ SERVICE_NAME: "svc", VERSION: "2.0.0", ...env }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new Client({ name: "test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)));
  cleanups.push(() => client.close());
  return { client, base };
}

const text = (result: Record<string, unknown>) => ((result.content as { text: string }[])[0] ?? { text: "" }).text;

describe("the sample service's MCP server", () => {
  it("initializes a session and serves list_repos and get_repo_paths", async () => {
    const { client } = await connect();
    expect(client.getServerVersion()).toMatchObject({ name: "svc", version: "2.0.0" });
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(["list_repos", "get_repo_paths"]);
    const repos = await client.callTool({ name: "list_repos", arguments: {} });
    expect(repos.structuredContent).toEqual({ repos: ["mahavishnu", "session-buddy", "akosha"] });
    const paths = await client.callTool({ name: "get_repo_paths", arguments: { repo: "akosha" } });
    expect(JSON.parse(text(paths))).toEqual({ repo: "akosha", paths: ["akosha/api.py", "akosha/ingest.py"] });
  });

  it("answers an unknown method with -32601, or with an empty result under ACCEPT_UNKNOWN_METHODS", async () => {
    const { client } = await connect({ MCP_RATE_LIMIT: "0" });
    await expect(client.request({ method: "no/such_method" }, z.object({}).loose())).rejects.toMatchObject({ code: -32601 });
    const lenient = await connect({ ACCEPT_UNKNOWN_METHODS: "1" });
    await expect(lenient.client.request({ method: "no/such_method" }, z.object({}).loose())).resolves.toEqual({});
  });

  it("reports a tool error for a tool named in BROKEN_TOOLS, and only for it", async () => {
    const { client } = await connect({ BROKEN_TOOLS: "list_repos" });
    expect(await client.callTool({ name: "list_repos", arguments: {} })).toMatchObject({ isError: true });
    expect((await client.callTool({ name: "get_repo_paths", arguments: { repo: "akosha" } })).isError).toBeUndefined();
  });

  it("limits each session to MCP_RATE_LIMIT requests per window, with a 429 and Retry-After", async () => {
    const { client, base } = await connect({ MCP_RATE_LIMIT: "2", MCP_RATE_WINDOW_MS: "60000" });
    await client.listTools();
    await client.listTools();
    await expect(client.listTools()).rejects.toMatchObject({ code: 429, message: expect.stringMatching(/Rate limit exceeded/) });
    // Another session has a window of its own.
    const other = new Client({ name: "other", version: "1.0.0" });
    await other.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)));
    cleanups.push(() => other.close());
    await expect(other.listTools()).resolves.toMatchObject({ tools: expect.any(Array) });
  });
});
