// An HTTP check: one request, its status, JSON-path assertions on its body and, optionally, its latency.
import { parseJsonBody, roundMs, type CheckContext, type CheckOutcome } from "./check-context";
import { evaluateAssertions } from "./evaluate-assertion";
import type { httpCheck } from "./smoke-suite-schema";
import type { z } from "zod";

type HttpCheck = z.infer<typeof httpCheck>;

function judge(check: HttpCheck, answer: { status: number; text: string; latencyMs: number }): string | null {
  if (answer.status !== check.expectStatus) return `status ${check.expectStatus} expected: got ${answer.status}`;
  if (check.assertions.length > 0) {
    const body = parseJsonBody(answer.text);
    if (!body.ok) return "the body is not JSON, so its assertions cannot hold";
    const failure = evaluateAssertions({ assertions: check.assertions, document: body.value });
    if (failure) return failure;
  }
  if (check.maxLatencyMs !== undefined && answer.latencyMs > check.maxLatencyMs) {
    return `latency under ${check.maxLatencyMs} ms expected: took ${roundMs(answer.latencyMs)} ms`;
  }
  return null;
}

export async function runHttpCheck({ check, ctx }: { check: HttpCheck; ctx: CheckContext }): Promise<CheckOutcome> {
  const answer = await ctx.http.send({
    method: check.method,
    path: check.path,
    headers: check.headers,
    body: check.body,
    signal: ctx.signal,
  });
  const failedAssertion = judge(check, answer);
  return {
    passed: failedAssertion === null,
    status: answer.status,
    body: answer.text,
    latencyMs: roundMs(answer.latencyMs),
    failedAssertion,
    note: `${check.method} ${check.path} answered ${answer.status} in ${roundMs(answer.latencyMs)} ms`,
  };
}
