// What every check runner gets, and the raw outcome it returns; run-smoke-suite.ts times it, redacts it and
// turns it into a SmokeCheckResult.
import type { SmokeHttp } from "./smoke-http";

export type CheckContext = { http: SmokeHttp; signal: AbortSignal };

export type CheckOutcome = {
  passed: boolean;
  status: number | null;
  /** The full body the verdict rests on; redacted and cut by the suite runner. */
  body: string | null;
  latencyMs: number | null;
  failedAssertion: string | null;
  note: string;
};

export const roundMs = (ms: number) => Math.round(ms);

export function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
