// The smoke runner: runs a suite's checks in order against one URL, each within its own timeout and all
// within the suite's time limit, and reports each result as it comes (onResult) and a summary. The same
// runner serves the workers, the API and the CLI.
import { AppError } from "@/lib/api/app-error";
import { roundMs, type CheckContext, type CheckOutcome } from "./check-context";
import { createRedactor, excerpt } from "./redact";
import { runBurstCheck } from "./run-burst-check";
import { runHttpCheck } from "./run-http-check";
import { runJsonRpcCheck } from "./run-json-rpc-check";
import { runLatencyCheck } from "./run-latency-check";
import { parseBaseUrl } from "./parse-base-url";
import { createSmokeHttp, SmokeSetupError } from "./smoke-http";
import type { SmokeCheckResult, SmokeRunResult } from "./smoke-result";
import type { SmokeCheck, SmokeSuite } from "./smoke-suite-schema";

export type RunSmokeSuiteOptions = {
  suite: SmokeSuite;
  /** The revision's own URL (http or https); check paths are relative to it. */
  baseUrl: string;
  /** The service's secrets by name, for `{ secret }` headers. Never logged or returned. */
  secrets?: Record<string, string>;
  signal?: AbortSignal;
  onResult?: (result: SmokeCheckResult) => void;
};

function runCheck(check: SmokeCheck, ctx: CheckContext): Promise<CheckOutcome> {
  switch (check.kind) {
    case "http":
      return runHttpCheck({ check, ctx });
    case "jsonrpc":
      return runJsonRpcCheck({ check, ctx });
    case "burst":
      return runBurstCheck({ check, ctx });
    case "latency":
      return runLatencyCheck({ check, ctx });
  }
}

function describeError(error: unknown): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  const cause = err.cause?.code ?? err.cause?.message;
  return cause ? `${err.message} (${cause})` : err.message;
}

/** Why a check was cut short, from which signal fired first. */
type Stop = { reason: string };

export async function runSmokeSuite({ suite, baseUrl, secrets = {}, signal, onResult }: RunSmokeSuiteOptions): Promise<SmokeRunResult> {
  const base = parseBaseUrl(baseUrl);
  if (typeof base === "string")
    throw new AppError("validation", `The URL under test ${base}.`, { fields: [{ path: "url", message: base }] });
  const redact = createRedactor(secrets);
  const began = performance.now();
  const deadline = AbortSignal.timeout(suite.timeoutMs);
  const results: SmokeCheckResult[] = [];
  let stoppedEarly: string | null = null;

  for (const check of suite.checks) {
    if (!stoppedEarly && signal?.aborted) stoppedEarly = "cancelled";
    if (!stoppedEarly && deadline.aborted) stoppedEarly = `the suite's time limit of ${suite.timeoutMs} ms ran out`;
    const result = stoppedEarly
      ? skipped(check, stoppedEarly)
      : await runOne({ check, base, secrets, redact, outer: { signal, deadline, suiteMs: suite.timeoutMs } });
    results.push(result);
    onResult?.(result);
    if (!stoppedEarly && !result.passed && suite.stopAtFirstFailure) stoppedEarly = `stopped at the first failure (${check.name})`;
  }
  const passedCount = results.filter((r) => r.outcome === "passed").length;
  const failedCount = results.filter((r) => r.outcome === "failed").length;
  return {
    results,
    summary: {
      passed: passedCount === results.length,
      total: results.length,
      passedCount,
      failedCount,
      skippedCount: results.length - passedCount - failedCount,
      durationMs: roundMs(performance.now() - began),
      stoppedEarly,
    },
  };
}

function skipped(check: SmokeCheck, why: string): SmokeCheckResult {
  const detail = {
    status: null,
    bodyExcerpt: null,
    latencyMs: null,
    failedAssertion: `not run: ${why}`,
    note: "not run",
    requests: 0,
    requestMs: 0,
  };
  return { name: check.name, kind: check.kind, outcome: "skipped", passed: false, durationMs: 0, detail };
}

async function runOne(options: {
  check: SmokeCheck;
  base: URL;
  secrets: Record<string, string>;
  redact: (text: string) => string;
  outer: { signal?: AbortSignal; deadline: AbortSignal; suiteMs: number };
}): Promise<SmokeCheckResult> {
  const { check, redact, outer } = options;
  const http = createSmokeHttp({ baseUrl: options.base, secrets: options.secrets });
  const own = AbortSignal.timeout(check.timeoutMs);
  const signal = AbortSignal.any([own, outer.deadline, ...(outer.signal ? [outer.signal] : [])]);
  const stop = (): Stop => ({
    reason: outer.signal?.aborted
      ? "cancelled"
      : own.aborted
        ? `timed out after ${check.timeoutMs} ms`
        : `the suite's time limit of ${outer.suiteMs} ms ran out`,
  });
  const began = performance.now();
  let outcome: CheckOutcome;
  try {
    // The race makes the timeout hold even for a step that does not watch the signal.
    const aborted = new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(stop()), { once: true }));
    outcome = await Promise.race([runCheck(check, { http, signal }), aborted]);
  } catch (error) {
    const failure = signal.aborted
      ? stop().reason
      : error instanceof SmokeSetupError
        ? error.message
        : `request failed: ${describeError(error)}`;
    outcome = { passed: false, status: null, body: null, latencyMs: null, failedAssertion: failure, note: failure };
  }
  const detail = {
    status: outcome.status,
    bodyExcerpt: excerpt(outcome.body === null ? null : redact(outcome.body)),
    latencyMs: outcome.latencyMs,
    failedAssertion: outcome.failedAssertion === null ? null : redact(outcome.failedAssertion),
    note: redact(outcome.note),
    requests: http.tally.requests,
    requestMs: roundMs(http.tally.requestMs),
  };
  const passed = outcome.passed;
  return {
    name: check.name,
    kind: check.kind,
    outcome: passed ? "passed" : "failed",
    passed,
    durationMs: roundMs(performance.now() - began),
    detail,
  };
}
