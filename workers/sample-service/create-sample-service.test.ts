import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createSampleService } from "./create-sample-service";
import { readSampleSettings } from "./settings";

let close: (() => void) | undefined;
afterEach(() => close?.());

async function start(env: Record<string, string>): Promise<string> {
  const server = createSampleService(readSampleSettings({ SERVICE_NAME: "svc", VERSION: "2.0.0", REVISION: "svc-r2", ...env }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => server.close();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const MCP_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };
const rpc = (base: string, body: string) => fetch(`${base}/mcp`, { method: "POST", body, headers: MCP_HEADERS });
const initialize = { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "test", version: "1" } };

describe("sample service", () => {
  it("answers /health with its name, version and uptime, and labels every response", async () => {
    const base = await start({});
    const res = await fetch(`${base}/health`);
    expect(res.headers.get("x-revision")).toBe("svc-r2");
    expect(res.headers.get("x-version")).toBe("2.0.0");
    expect(await res.json()).toEqual({ status: "healthy", service: "svc", version: "2.0.0", uptime_seconds: 0 });
  });

  it("speaks MCP over Streamable HTTP at /mcp: a session from initialize, JSON or SSE answers, the parse error", async () => {
    const base = await start({ MCP_JSON_RESPONSE: "1" });
    const init = await rpc(base, JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: initialize }));
    expect(init.headers.get("mcp-session-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await init.json()).toMatchObject({ result: { serverInfo: { name: "svc", version: "2.0.0" } } });
    expect(await (await rpc(base, "{oops")).json()).toMatchObject({ error: { code: -32700 } });
    // The documents' own curl sends `params: {}`: without a protocolVersion that is no initialize, so no session.
    const bare = await rpc(base, JSON.stringify({ jsonrpc: "2.0", id: 2, method: "initialize", params: {} }));
    expect(bare.status).toBe(400);
    expect(await bare.json()).toMatchObject({ error: { code: -32000 } });
    const sse = await start({});
    const framed = await rpc(sse, JSON.stringify({ jsonrpc: "2.0", id: 3, method: "initialize", params: initialize }));
    expect(framed.headers.get("content-type")).toBe("text/event-stream");
    expect(await framed.text()).toMatch(/^event: message\ndata: \{.*"serverInfo"/m);
  });

  it("answers /health with HEALTH_STATUS after HEALTH_LATENCY_MS", async () => {
    const base = await start({ HEALTH_STATUS: "500", HEALTH_LATENCY_MS: "120" });
    const began = performance.now();
    const res = await fetch(`${base}/health`);
    expect(performance.now() - began).toBeGreaterThanOrEqual(110);
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ status: "unhealthy" });
  });

  it("applies ERROR_RATE only ERRORS_AFTER_SECONDS after start", async () => {
    const base = await start({ ERROR_RATE: "1", ERRORS_AFTER_SECONDS: "0.4" });
    expect((await fetch(`${base}/work`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await fetch(`${base}/work`)).status).toBe(500);
  });

  it("fails the configured share of /work and /mcp requests, never /health, and counts them in /metrics", async () => {
    const base = await start({ ERROR_RATE: "0.5" });
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await fetch(`${base}/work`)).status);
    expect(statuses.filter((s) => s === 500)).toHaveLength(5);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('http_requests_total{status="500"} 5');
    expect(metrics).toContain('http_request_duration_seconds_bucket{le="+Inf"} 11');
    expect(metrics).toMatch(/process_resident_memory_bytes \d+/);
  });

  it("adds the configured latency", async () => {
    const base = await start({ ADDED_LATENCY_MS: "150" });
    const began = performance.now();
    await fetch(`${base}/work`);
    expect(performance.now() - began).toBeGreaterThanOrEqual(140);
  });

  it("refuses bad settings with the field's name", () => {
    expect(() => readSampleSettings({ ERROR_RATE: "2" })).toThrow(/ERROR_RATE/);
  });
});
