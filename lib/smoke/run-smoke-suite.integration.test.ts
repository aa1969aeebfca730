// The built-in suite against the sample service as real processes: the good release passes all eight
// checks, and each bad release's knob fails exactly the check it exists for, and only that one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_SMOKE_SUITE } from "./built-in-suite";
import { runSmokeSuite } from "./run-smoke-suite";
import type { SmokeCheckResult } from "./smoke-result";
import { startSampleProcess, type SampleProcess } from "./testing/start-sample-process";

const BAD_RELEASES: { knob: Record<string, string>; fails: string }[] = [
  { knob: { HEALTH_STATUS: "500" }, fails: "Health endpoint" },
  { knob: { BROKEN_TOOLS: "list_repos" }, fails: "List repositories tool" },
  { knob: { BROKEN_TOOLS: "get_repo_paths" }, fails: "Get repository paths" },
  { knob: { MCP_RATE_LIMIT: "0" }, fails: "Rate limiting (5 rapid requests)" },
  { knob: { HEALTH_LATENCY_MS: "2500" }, fails: "Response time (< 2000 ms)" },
  { knob: { ACCEPT_UNKNOWN_METHODS: "1" }, fails: "Invalid method error handling" },
];

const services = new Map<string, SampleProcess>();
const keyOf = (env: Record<string, string>) => JSON.stringify(env);

beforeAll(async () => {
  // Started together: each is a few seconds of tsx start-up.
  const envs = [{}, { MCP_JSON_RESPONSE: "1" }, ...BAD_RELEASES.map((r) => r.knob)];
  const started = await Promise.all(envs.map((env) => startSampleProcess({ env })));
  envs.forEach((env, i) => services.set(keyOf(env), started[i]!));
});
afterAll(async () => {
  await Promise.all([...services.values()].map((s) => s.stop()));
});

const failedNames = (results: SmokeCheckResult[]) => results.filter((r) => !r.passed).map((r) => r.name);

describe("the built-in smoke suite against the sample service", () => {
  it("passes all eight checks on the good release (SSE answers), reporting each as it comes", async () => {
    const seen: string[] = [];
    const run = await runSmokeSuite({ suite: BUILT_IN_SMOKE_SUITE, baseUrl: services.get("{}")!.url, onResult: (r) => seen.push(r.name) });
    expect(failedNames(run.results)).toEqual([]);
    expect(run.summary).toMatchObject({ passed: true, total: 8, passedCount: 8, failedCount: 0, skippedCount: 0 });
    expect(seen).toEqual(BUILT_IN_SMOKE_SUITE.checks.map((c) => c.name));
    const byName = Object.fromEntries(run.results.map((r) => [r.name, r]));
    expect(byName["MCP initialization"]!.detail.bodyExcerpt).toMatch(/^event: message data: .*"serverInfo"/);
    expect(byName["Rate limiting (5 rapid requests)"]!.detail).toMatchObject({
      status: 429,
      note: "5 rapid requests: 4 served, 1 limited (429)",
    });
    expect(byName["Invalid method error handling"]!.detail.bodyExcerpt).toContain("-32601");
    expect(byName["Response time (< 2000 ms)"]!.detail.latencyMs).toBeLessThan(2000);
  });

  it("passes all eight on a release that answers plain JSON instead of SSE", async () => {
    const run = await runSmokeSuite({ suite: BUILT_IN_SMOKE_SUITE, baseUrl: services.get(keyOf({ MCP_JSON_RESPONSE: "1" }))!.url });
    expect(failedNames(run.results)).toEqual([]);
    expect(run.results[1]!.detail.bodyExcerpt).toMatch(/^\{"result":\{"protocolVersion"/);
  });

  it.each(BAD_RELEASES)("fails only $fails on a release with $knob", async ({ knob, fails }) => {
    const run = await runSmokeSuite({ suite: BUILT_IN_SMOKE_SUITE, baseUrl: services.get(keyOf(knob))!.url });
    expect(failedNames(run.results)).toEqual([fails]);
    const failed = run.results.find((r) => r.name === fails)!;
    expect(failed.detail.failedAssertion).toBeTruthy();
    expect(run.summary).toMatchObject({ passed: false, passedCount: 7, failedCount: 1 });
    console.info(`${JSON.stringify(knob)} → ${fails}: ${failed.detail.failedAssertion}`);
  });
});
