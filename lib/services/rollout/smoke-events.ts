// How a smoke run shows on a deployment's timeline: one check_result event per check, as it finishes, so the
// deployment page's live stream shows the run check by check.
import { db } from "@/lib/db";
import type { SmokeCheckResult } from "@/lib/smoke/smoke-result";
import { appendEvent } from "./append-event";

export function describeCheck(result: SmokeCheckResult): string {
  const why = result.detail.failedAssertion ?? result.detail.note;
  return result.outcome === "passed"
    ? `Smoke check '${result.name}' passed in ${Math.round(result.durationMs)} ms`
    : `Smoke check '${result.name}' ${result.outcome}: ${why}`;
}

/** The onResult of a run recorded for a deployment. */
export function checkResultEvents(deploymentId: string, smokeRunId: string) {
  return (result: SmokeCheckResult, position: number) =>
    appendEvent(db, {
      deploymentId,
      type: "check_result",
      message: describeCheck(result),
      data: {
        smokeRunId,
        position,
        name: result.name,
        kind: result.kind,
        status: result.outcome,
        durationMs: result.durationMs,
        detail: result.detail,
      },
    });
}

/** The first failed check of a run, as the reason a step failed ("Smoke check 'Health endpoint' failed: …"). */
export function firstFailure(results: SmokeCheckResult[]): string {
  const failed = results.find((r) => r.outcome === "failed") ?? results.find((r) => !r.passed);
  return failed ? describeCheck(failed) : "the smoke run did not pass";
}
