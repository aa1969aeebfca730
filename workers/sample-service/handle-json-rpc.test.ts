import { describe, expect, it } from "vitest";
import { createErrorSchedule } from "./fault-injection";
import { handleJsonRpc, RPC_INVALID_PARAMS, RPC_INVALID_REQUEST, RPC_METHOD_NOT_FOUND, RPC_PARSE_ERROR } from "./handle-json-rpc";

const call = (message: unknown) => handleJsonRpc({ body: JSON.stringify(message), service: "svc", version: "1.2.3" });

describe("handleJsonRpc", () => {
  it("initializes with the service's name and version", () => {
    expect(call({ jsonrpc: "2.0", id: 1, method: "initialize", params: {} })).toMatchObject({
      id: 1,
      result: { serverInfo: { name: "svc", version: "1.2.3" } },
    });
  });

  it("lists the two tools and calls both", () => {
    const tools = call({ jsonrpc: "2.0", id: 2, method: "tools/list" })?.result as { tools: { name: string }[] };
    expect(tools.tools.map((t) => t.name)).toEqual(["list_repos", "get_repo_paths"]);
    const repos = call({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "list_repos" } });
    expect(JSON.parse((repos?.result as { content: { text: string }[] }).content[0]!.text)).toContain("flightdeck");
    const paths = call({
      jsonrpc: "2.0",
      id: 4,
      method: "tools/call",
      params: { name: "get_repo_paths", arguments: { repo: "runbooks" } },
    });
    expect(JSON.parse((paths?.result as { content: { text: string }[] }).content[0]!.text)).toEqual(["deploy.md", "rollback.md"]);
  });

  it("answers errors with the JSON-RPC codes", () => {
    expect(call({ jsonrpc: "2.0", id: 5, method: "nope" })?.error?.code).toBe(RPC_METHOD_NOT_FOUND);
    expect(handleJsonRpc({ body: "{not json", service: "s", version: "v" })).toMatchObject({ id: null, error: { code: RPC_PARSE_ERROR } });
    expect(call({ id: 6, method: "initialize" })?.error?.code).toBe(RPC_INVALID_REQUEST);
    expect(call({ jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "drop_tables" } })?.error?.code).toBe(RPC_INVALID_PARAMS);
    expect(call({ jsonrpc: "2.0", id: 8, method: "tools/call", params: { name: "get_repo_paths", arguments: {} } })?.error?.code).toBe(
      RPC_INVALID_PARAMS,
    );
  });

  it("gives a notification no response", () => {
    expect(call({ jsonrpc: "2.0", method: "notifications/initialized" })).toBeUndefined();
  });
});

describe("createErrorSchedule", () => {
  it("fails exactly the configured share, evenly", () => {
    for (const rate of [0, 0.1, 0.5, 1]) {
      const shouldFail = createErrorSchedule(rate);
      const failures = Array.from({ length: 1000 }, () => shouldFail()).filter(Boolean).length;
      expect(failures).toBe(rate * 1000);
    }
    const half = createErrorSchedule(0.5);
    expect(Array.from({ length: 4 }, () => half())).toEqual([true, false, true, false]);
  });
});
