// The request a burst or latency check repeats: an HTTP request, or a JSON-RPC call made inside one MCP
// session (opened once, so the handshake is not what is measured or counted against a rate limit).
import type { Probe } from "./check-schemas";
import type { CheckContext } from "./check-context";
import { openRpcSession } from "./rpc-session";

/** One answer: `ok` is a 2xx and, for JSON-RPC, a result rather than an error. */
export type ProbeAnswer = { ok: boolean; status: number; body: string; latencyMs: number };

export type OpenProbe = {
  /** Why the probe cannot be sent (its MCP session did not open), or null. */
  failure: string | null;
  send: (signal: AbortSignal) => Promise<ProbeAnswer>;
  close: () => Promise<void>;
};

export async function openProbe({ probe, ctx }: { probe: Probe; ctx: CheckContext }): Promise<OpenProbe> {
  if (probe.type === "http") {
    return {
      failure: null,
      send: async (signal) => {
        const answer = await ctx.http.send({ method: probe.method, path: probe.path, headers: probe.headers, body: probe.body, signal });
        return { ok: answer.status >= 200 && answer.status < 300, status: answer.status, body: answer.text, latencyMs: answer.latencyMs };
      },
      close: async () => {},
    };
  }
  const session = await openRpcSession({
    http: ctx.http,
    path: probe.path,
    headers: probe.headers,
    protocol: probe.protocol,
    signal: ctx.signal,
  });
  return {
    failure: session.failure ? `MCP session not opened: ${session.failure}` : null,
    send: async (signal) => {
      const { answer, response } = await session.call({ method: probe.method, params: probe.params, signal });
      const ok = answer.status >= 200 && answer.status < 300 && response !== null && response.error === undefined;
      return { ok, status: answer.status, body: answer.text, latencyMs: answer.latencyMs };
    },
    close: session.close,
  };
}
