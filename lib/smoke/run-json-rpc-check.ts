// A JSON-RPC check: one call (in an MCP session unless the check says plain JSON-RPC), judged on its
// JSON-RPC result or error, never on the HTTP status alone: MCP answers errors inside a 200.
import type { z } from "zod";
import { roundMs, type CheckContext, type CheckOutcome } from "./check-context";
import { evaluateAssertions } from "./evaluate-assertion";
import { openRpcSession, type RpcExchange } from "./rpc-session";
import type { jsonRpcCheck } from "./smoke-suite-schema";

type JsonRpcCheck = z.infer<typeof jsonRpcCheck>;

function judge(check: JsonRpcCheck, exchange: RpcExchange): string | null {
  const { response, answer } = exchange;
  if (!response) return exchange.problem;
  if (check.expectError) {
    if (!response.error)
      return `a JSON-RPC error${check.expectError.code !== undefined ? ` ${check.expectError.code}` : ""} expected: got a result`;
    if (check.expectError.code !== undefined && response.error.code !== check.expectError.code) {
      return `JSON-RPC error ${check.expectError.code} expected: got ${response.error.code} (${response.error.message})`;
    }
    return null;
  }
  if (response.error) return `JSON-RPC error ${response.error.code}: ${response.error.message}`;
  if (answer.status < 200 || answer.status > 299) return `HTTP ${answer.status} with a result`;
  const failure = evaluateAssertions({ assertions: check.expectResult, document: response.result });
  if (failure) return failure;
  if (check.maxLatencyMs !== undefined && answer.latencyMs > check.maxLatencyMs) {
    return `latency under ${check.maxLatencyMs} ms expected: took ${roundMs(answer.latencyMs)} ms`;
  }
  return null;
}

const outcomeOf = (exchange: RpcExchange, failedAssertion: string | null, note: string): CheckOutcome => ({
  passed: failedAssertion === null,
  status: exchange.answer.status,
  body: exchange.answer.text,
  latencyMs: roundMs(exchange.answer.latencyMs),
  failedAssertion,
  note,
});

export async function runJsonRpcCheck({ check, ctx }: { check: JsonRpcCheck; ctx: CheckContext }): Promise<CheckOutcome> {
  const isInitialize = check.protocol === "mcp" && check.method === "initialize";
  const session = await openRpcSession({
    http: ctx.http,
    path: check.path,
    headers: check.headers,
    protocol: check.protocol,
    signal: ctx.signal,
    initializeParams: isInitialize ? check.params : undefined,
  });
  try {
    if (isInitialize) {
      const exchange = session.initialize!;
      return outcomeOf(exchange, judge(check, exchange), `initialize answered ${exchange.answer.status}`);
    }
    if (session.failure) return outcomeOf(session.initialize!, `MCP session not opened: ${session.failure}`, "initialize failed");
    const exchange = await session.call({ method: check.method, params: check.params, signal: ctx.signal });
    const what = exchange.response?.error ? `error ${exchange.response.error.code}` : exchange.response ? "a result" : "no JSON-RPC";
    return outcomeOf(exchange, judge(check, exchange), `${check.method} answered ${exchange.answer.status} with ${what}`);
  } finally {
    await session.close();
  }
}
