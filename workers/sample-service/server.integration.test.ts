// The sample service as a real process, started as `nodeScript` starts it (one Node process, so SIGTERM reaches its handler).
import { type ChildProcess, spawn } from "node:child_process";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { freePort, waitUntil } from "@/lib/testing/own-redis";
import { nodeScript } from "@/lib/tooling/node-script";

const children: ChildProcess[] = [];

function run(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null> } {
  const { command, args, cwd } = nodeScript("workers/sample-service/server.ts");
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, SERVICE_NAME: "it-svc", VERSION: "3.1.0", ...env },
    stdio: "ignore",
  });
  children.push(child);
  return { child, exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))) };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("sample service process", () => {
  it("serves /health and MCP on PORT, labelled with its revision, and exits 0 on SIGTERM", async () => {
    const port = await freePort();
    const { child, exited } = run({ PORT: String(port), REVISION: "it-svc-r1" });
    const base = `http://127.0.0.1:${port}`;
    await waitUntil(() => fetch(`${base}/health`), { timeoutMs: 15_000, what: "sample service" });
    const health = await fetch(`${base}/health`);
    expect(health.headers.get("x-revision")).toBe("it-svc-r1");
    expect(await health.json()).toMatchObject({ status: "healthy", service: "it-svc", version: "3.1.0" });
    const client = new Client({ name: "it", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)));
    expect(client.getServerVersion()).toMatchObject({ name: "it-svc", version: "3.1.0" });
    await expect(client.request({ method: "nope" }, z.object({}).loose())).rejects.toMatchObject({ code: -32601 });
    await client.close();
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("exits 1 right away with CRASH_ON_START", async () => {
    const { exited } = run({ PORT: String(await freePort()), CRASH_ON_START: "1" });
    expect(await exited).toBe(1);
  });
});
