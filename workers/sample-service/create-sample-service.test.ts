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

const rpc = (base: string, body: string) => fetch(`${base}/mcp`, { method: "POST", body, headers: { "content-type": "application/json" } });

describe("sample service", () => {
  it("answers /health with its name, version and uptime, and labels every response", async () => {
    const base = await start({});
    const res = await fetch(`${base}/health`);
    expect(res.headers.get("x-revision")).toBe("svc-r2");
    expect(res.headers.get("x-version")).toBe("2.0.0");
    expect(await res.json()).toEqual({ status: "healthy", service: "svc", version: "2.0.0", uptime_seconds: 0 });
  });

  it("speaks JSON-RPC at /mcp, including the parse error", async () => {
    const base = await start({});
    const init = await rpc(base, JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize" }));
    expect(await init.json()).toMatchObject({ result: { serverInfo: { name: "svc", version: "2.0.0" } } });
    expect(await (await rpc(base, "{oops")).json()).toMatchObject({ error: { code: -32700 } });
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
