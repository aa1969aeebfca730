import { describe, expect, it } from "vitest";
import { COLOURS, formatCheckLine, PLAIN } from "./format-smoke-report";
import { parseSmokeArgs, secretsFromEnvironment } from "./parse-smoke-args";

describe("parseSmokeArgs", () => {
  it("reads the options", () => {
    expect(parseSmokeArgs(["--url", "http://127.0.0.1:8080", "--service", "mahavishnu", "-v"])).toEqual({
      ok: true,
      args: { url: "http://127.0.0.1:8080", service: "mahavishnu", suiteFile: undefined, verbose: true, json: false },
    });
    expect(parseSmokeArgs(["--url", "https://x.example", "--suite", "s.json", "--json"])).toMatchObject({
      ok: true,
      args: { suiteFile: "s.json", json: true },
    });
    expect(parseSmokeArgs(["--help"])).toEqual({ ok: "help" });
  });

  it("says what is wrong with a command line", () => {
    expect(parseSmokeArgs([])).toEqual({ ok: false, error: "--url is required" });
    expect(parseSmokeArgs(["--url", "gopher://x"])).toEqual({ ok: false, error: "--url must be http:// or https://, not gopher://" });
    expect(parseSmokeArgs(["--url", "http://x", "--service", "a", "--suite", "b"])).toEqual({
      ok: false,
      error: "give --service or --suite, not both",
    });
    expect(parseSmokeArgs(["--url", "http://x", "--colour"])).toMatchObject({ ok: false, error: expect.stringMatching(/colour/) });
    expect(parseSmokeArgs(["--url", "http://x", "stray"])).toMatchObject({ ok: false });
  });
});

describe("the CLI's output", () => {
  const result = {
    name: "Health endpoint",
    kind: "http" as const,
    outcome: "failed" as const,
    passed: false,
    durationMs: 12,
    detail: {
      status: 500,
      bodyExcerpt: "{}",
      latencyMs: 11,
      failedAssertion: "status 200 expected: got 500",
      note: "n",
      requests: 1,
      requestMs: 11,
    },
  };

  it("is plain without a terminal and coloured with one", () => {
    expect(formatCheckLine({ result, paint: PLAIN, verbose: false })).toBe("FAIL  Health endpoint  (12 ms) — status 200 expected: got 500");
    expect(formatCheckLine({ result, paint: COLOURS, verbose: false })).toContain("\u001b[31mFAIL\u001b[0m");
    expect(formatCheckLine({ result, paint: PLAIN, verbose: true }).split("\n")).toHaveLength(3);
  });

  it("takes secrets from SMOKE_SECRET_ variables only", () => {
    expect(secretsFromEnvironment({ SMOKE_SECRET_API_TOKEN: "t", SMOKE_SECRET_EMPTY: "", DATABASE_URL: "postgres://" })).toEqual({
      API_TOKEN: "t",
    });
  });
});
