// What a smoke run reports: one result per check and a summary. Texts in it are redacted (no secret value
// of the service ever appears) and bodies are cut to a short excerpt, so results can be stored and shown.
import type { SmokeCheckKind } from "./smoke-suite-schema";

export type SmokeCheckDetail = {
  /** The HTTP status of the answer the verdict rests on; null when none came. */
  status: number | null;
  /** The start of that answer's body, secrets redacted. */
  bodyExcerpt: string | null;
  /** The latency the check judges: its request's, a burst's slowest, a latency check's p95. */
  latencyMs: number | null;
  /** Why the check failed (the assertion, the status, the timeout); null when it passed. */
  failedAssertion: string | null;
  /** One line on what was seen, pass or fail (e.g. "4 answered 2xx, then 429"). */
  note: string;
  /** Every HTTP request the check made, and the time spent waiting on them. */
  requests: number;
  requestMs: number;
};

export type SmokeCheckOutcome = "passed" | "failed" | "skipped";

export type SmokeCheckResult = {
  name: string;
  kind: SmokeCheckKind;
  outcome: SmokeCheckOutcome;
  passed: boolean;
  durationMs: number;
  detail: SmokeCheckDetail;
};

export type SmokeRunSummary = {
  passed: boolean;
  total: number;
  passedCount: number;
  failedCount: number;
  skippedCount: number;
  /** Wall time of the run. */
  durationMs: number;
  /** Why the run stopped early, if it did (time limit, first failure, cancelled). */
  stoppedEarly: string | null;
};

export type SmokeRunResult = { results: SmokeCheckResult[]; summary: SmokeRunSummary };
