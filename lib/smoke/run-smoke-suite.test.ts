// The runner's own rules against a small in-process server: secrets never shown, limits honoured,
// stop-at-first-failure, refused URLs, plain JSON-RPC.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/app-error";
import { freePort } from "@/lib/testing/own-redis";
import { runSmokeSuite } from "./run-smoke-suite";
import { smokeSuiteSchema, type SmokeSuiteInput } from "./smoke-suite-schema";

const SECRET = "s3cr3t-T0KEN-9f2c";
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.url === "/slow") return void setTimeout(() => res.end("late"), 2_000);
      if (req.url === "/rpc") {
        const message = JSON.parse(body) as { id: number; method: string };
        const reply = message.method === "ping" ? { result: { pong: true } } : { error: { code: -32601, message: "Method not found" } };
        res.setHeader("content-type", "application/json");
        return void res.end(JSON.stringify({ jsonrpc: "2.0", id: message.id, ...reply }));
      }
      // Echoes what it got, secret headers included: the runner must redact them from what it reports.
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ path: req.url, headers: req.headers }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => void (server.closeAllConnections(), server.close()));

const suite = (input: Partial<SmokeSuiteInput> & { checks: SmokeSuiteInput["checks"] }) => smokeSuiteSchema.parse(input);

describe("runSmokeSuite", () => {
  it("sends a secret header's value and never shows it, even when the service echoes it back or an assertion quotes it", async () => {
    const run = await runSmokeSuite({
      suite: suite({
        checks: [
          {
            kind: "http",
            name: "echo",
            path: "/echo",
            headers: { authorization: { secret: "API_TOKEN" } },
            assertions: [{ path: "$.path", equals: "/echo" }],
          },
          {
            kind: "http",
            name: "quoted",
            path: "/echo",
            headers: { "x-key": { secret: "API_TOKEN" } },
            assertions: [{ path: '$.headers["x-key"]', equals: "x" }],
          },
        ],
      }),
      baseUrl: url,
      secrets: { API_TOKEN: SECRET },
    });
    expect(run.results.map((r) => r.passed)).toEqual([true, false]);
    expect(run.results[0]!.detail.bodyExcerpt).toContain('"authorization":"[redacted]"');
    expect(run.results[1]!.detail.failedAssertion).toBe('$.headers["x-key"] equals "x": was "[redacted]"');
    expect(JSON.stringify(run)).not.toContain(SECRET);
  });

  it("fails a check whose secret the service lacks, naming the secret and not sending the request", async () => {
    const run = await runSmokeSuite({
      suite: suite({ checks: [{ kind: "http", name: "needs", path: "/echo", headers: { authorization: { secret: "MISSING" } } }] }),
      baseUrl: url,
    });
    expect(run.results[0]!.detail).toMatchObject({
      requests: 0,
      failedAssertion: "header authorization needs the secret MISSING, which this service does not have",
    });
  });

  it("cuts a check off at its timeout, and skips what the suite's time limit leaves no room for", async () => {
    const timed = await runSmokeSuite({
      suite: suite({
        checks: [
          { kind: "http", name: "slow", path: "/slow", timeoutMs: 300 },
          { kind: "http", name: "fast", path: "/echo" },
        ],
      }),
      baseUrl: url,
    });
    expect(timed.results.map((r) => [r.outcome, r.detail.failedAssertion])).toEqual([
      ["failed", "timed out after 300 ms"],
      ["passed", null],
    ]);
    expect(timed.results[0]!.durationMs).toBeLessThan(1_000);
    const limited = await runSmokeSuite({
      suite: suite({
        timeoutMs: 1_000,
        checks: [
          { kind: "http", name: "slow", path: "/slow" },
          { kind: "http", name: "after", path: "/echo" },
        ],
      }),
      baseUrl: url,
    });
    expect(limited.results.map((r) => [r.outcome, r.detail.failedAssertion])).toEqual([
      ["failed", "the suite's time limit of 1000 ms ran out"],
      ["skipped", "not run: the suite's time limit of 1000 ms ran out"],
    ]);
    expect(limited.summary).toMatchObject({ passed: false, failedCount: 1, skippedCount: 1 });
    expect(limited.summary.durationMs).toBeLessThan(1_800);
  });

  it("stops at the first failure when asked to, and runs on otherwise", async () => {
    const checks: SmokeSuiteInput["checks"] = [
      { kind: "http", name: "wrong", path: "/echo", expectStatus: 204 },
      { kind: "http", name: "right", path: "/echo" },
    ];
    const stopped = await runSmokeSuite({ suite: suite({ checks, stopAtFirstFailure: true }), baseUrl: url });
    expect(stopped.results.map((r) => r.outcome)).toEqual(["failed", "skipped"]);
    expect(stopped.summary.stoppedEarly).toBe("stopped at the first failure (wrong)");
    const all = await runSmokeSuite({ suite: suite({ checks }), baseUrl: url });
    expect(all.results.map((r) => r.outcome)).toEqual(["failed", "passed"]);
    expect(all.results[0]!.detail.failedAssertion).toBe("status 204 expected: got 200");
  });

  it("speaks plain JSON-RPC when told to, judging the result or the expected error", async () => {
    const run = await runSmokeSuite({
      suite: suite({
        checks: [
          {
            kind: "jsonrpc",
            name: "ping",
            path: "/rpc",
            protocol: "plain",
            method: "ping",
            expectResult: [{ path: "$.pong", equals: true }],
          },
          { kind: "jsonrpc", name: "unknown", path: "/rpc", protocol: "plain", method: "nope", expectError: { code: -32601 } },
          { kind: "jsonrpc", name: "wrong code", path: "/rpc", protocol: "plain", method: "nope", expectError: { code: -32600 } },
        ],
      }),
      baseUrl: url,
    });
    expect(run.results.map((r) => [r.name, r.passed, r.detail.failedAssertion])).toEqual([
      ["ping", true, null],
      ["unknown", true, null],
      ["wrong code", false, "JSON-RPC error -32600 expected: got -32601 (Method not found)"],
    ]);
  });

  it("refuses a URL that is not http(s), or that carries credentials, naming the url field", async () => {
    for (const baseUrl of ["file:///etc/passwd", "ftp://example.com", "not a url", "http://user:pw@example.com"]) {
      const error = await runSmokeSuite({ suite: suite({ checks: [] }), baseUrl }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields).toEqual([{ path: "url", message: expect.any(String) }]);
    }
  });

  it("reports a refused connection as a failed check, not a crash", async () => {
    const run = await runSmokeSuite({
      suite: suite({ checks: [{ kind: "http", name: "down", path: "/" }] }),
      baseUrl: `http://127.0.0.1:${await freePort()}`,
    });
    expect(run.results[0]!.detail.failedAssertion).toMatch(/^request failed: fetch failed \(ECONNREFUSED\)$/);
  });
});
