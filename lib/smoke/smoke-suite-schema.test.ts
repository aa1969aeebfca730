import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/app-error";
import { DEFAULT_SMOKE_SUITE } from "@/lib/domain/document-defaults";
import { BUILT_IN_SMOKE_SUITE } from "./built-in-suite";
import { isEmptySmokeSuite, parseSmokeSuite } from "./parse-smoke-suite";
import { MAX_SMOKE_CHECKS, smokeTargetUrl } from "./smoke-suite-schema";

function fieldsOf(value: unknown): string[] {
  try {
    parseSmokeSuite({ value });
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fields!.map((f) => f.path);
  }
  throw new Error("the suite was accepted");
}

const health = { kind: "http", name: "Health", path: "/health" };

describe("the smoke suite schema", () => {
  it("holds the documents' eight checks in the built-in suite, with defaults filled in", () => {
    expect(BUILT_IN_SMOKE_SUITE.checks.map((c) => c.kind)).toEqual([
      "http",
      "jsonrpc",
      "jsonrpc",
      "jsonrpc",
      "jsonrpc",
      "burst",
      "latency",
      "jsonrpc",
    ]);
    expect(BUILT_IN_SMOKE_SUITE.checks).toHaveLength(DEFAULT_SMOKE_SUITE.length);
    expect(BUILT_IN_SMOKE_SUITE.checks[1]).toMatchObject({ path: "/mcp", protocol: "mcp", timeoutMs: 10_000, headers: {} });
    expect(BUILT_IN_SMOKE_SUITE.checks[4]).toMatchObject({ params: { name: "get_repo_paths", arguments: { repo: "mahavishnu" } } });
  });

  it("reads the first stored form (a bare array of checks) with the suite's defaults", () => {
    const suite = parseSmokeSuite({ value: [{ name: "Health endpoint", kind: "http", path: "/health", expectStatus: 200 }] });
    expect(suite).toMatchObject({ stopAtFirstFailure: false, checks: [{ method: "GET", expectStatus: 200, assertions: [] }] });
  });

  it("names the field of each mistake", () => {
    expect(fieldsOf({ checks: [{ ...health, kind: "smtp" }] })).toEqual(["smokeSuite.checks.0.kind"]);
    expect(fieldsOf({ checks: [{ ...health, path: "http://evil.example/" }] })).toEqual(["smokeSuite.checks.0.path"]);
    expect(fieldsOf({ checks: [{ ...health, path: "//evil.example/x" }] })).toEqual(["smokeSuite.checks.0.path"]);
    expect(fieldsOf({ checks: [health, { ...health }] })).toEqual(["smokeSuite.checks.1.name"]);
    expect(fieldsOf({ checks: [{ ...health, assertions: [{ path: "status", equals: 1 }] }] })).toEqual([
      "smokeSuite.checks.0.assertions.0.path",
    ]);
    expect(fieldsOf({ checks: [{ ...health, assertions: [{ path: "$.a", equals: 1, exists: true }] }] })).toEqual([
      "smokeSuite.checks.0.assertions.0",
    ]);
    expect(fieldsOf({ checks: [{ ...health, headers: { "x-key": "a\r\nInjected: 1" } }] })).toEqual(["smokeSuite.checks.0.headers.x-key"]);
    expect(fieldsOf({ checks: [{ ...health, headers: { authorization: { secret: "lower" } } }] })[0]).toMatch(/headers\.authorization/);
    expect(
      fieldsOf({ checks: [{ kind: "burst", name: "b", count: 5, expectLimitAfter: 5, request: { type: "http", path: "/" } }] }),
    ).toEqual(["smokeSuite.checks.0.expectLimitAfter"]);
    expect(fieldsOf({ checks: [health], timeoutMs: 10 })).toEqual(["smokeSuite.timeoutMs"]);
    expect(fieldsOf("not a suite")).toEqual(["smokeSuite"]);
    expect(fieldsOf({ checks: [{ ...health, timeoutMs: 3_600_000 }] })).toEqual(["smokeSuite.checks.0.timeoutMs"]);
  });

  it(`refuses a suite of 10,000 checks at once, naming checks (the limit is ${MAX_SMOKE_CHECKS})`, () => {
    const began = performance.now();
    const checks = Array.from({ length: 10_000 }, (_, i) => ({ ...health, name: `c${i}` }));
    expect(fieldsOf({ checks })).toEqual(["smokeSuite.checks"]);
    expect(performance.now() - began).toBeLessThan(500);
  });

  it("keeps secret headers as references", () => {
    const suite = parseSmokeSuite({ value: { checks: [{ ...health, headers: { authorization: { secret: "API_TOKEN" } } }] } });
    expect(suite.checks[0]).toMatchObject({ headers: { authorization: { secret: "API_TOKEN" } } });
  });

  it("tells an empty suite", () => {
    expect(isEmptySmokeSuite([])).toBe(true);
    expect(isEmptySmokeSuite({ checks: [] })).toBe(true);
    expect(isEmptySmokeSuite(null)).toBe(true);
    expect(isEmptySmokeSuite([health])).toBe(false);
  });
});

describe("smokeTargetUrl", () => {
  it("takes http(s) URLs only", () => {
    expect(smokeTargetUrl.safeParse("https://svc.example/base").success).toBe(true);
    for (const url of ["file:///etc/passwd", "javascript:alert(1)", "ftp://x", "http://u:p@x", "relative/path"]) {
      expect(smokeTargetUrl.safeParse(url).success, url).toBe(false);
    }
  });
});
