// The readiness check "smoke suite passed in the previous environment": a release is ready for an
// environment when its service's suite last passed on it one step earlier in the promotion order. It fails
// when that last run failed; it warns when the service has no suite (nothing checks a revision before it
// gets traffic) or when there is nothing conclusive to go on yet.
import type { ReadinessStatus } from "../evaluate-readiness";

/** The outcome of the newest smoke-suite run of a release in one environment. */
export type SmokeRunOutcome = { status: "running" | "passed" | "failed" | "error"; passedCount?: number; total?: number };

export type SmokeReadinessInput = {
  hasSuite: boolean;
  /** The environments of the service's targets, in promotion order. */
  environments: { id: string; slug: string }[];
  targetEnvironmentId: string;
  /** The newest suite run (not the post-deploy health checks) of this release per environment id. */
  latestRunByEnvironment: Record<string, SmokeRunOutcome>;
};

export function evaluateSmokeReadiness(input: SmokeReadinessInput): { status: ReadinessStatus; detail: string } {
  if (!input.hasSuite)
    return { status: "warned", detail: "This service has no smoke suite: nothing checks a revision before it gets traffic; add one" };
  const index = input.environments.findIndex((e) => e.id === input.targetEnvironmentId);
  const previous = index > 0 ? input.environments[index - 1]! : null;
  if (!previous)
    return {
      status: "passed",
      detail: "First environment in the promotion order: the suite runs against the new revision before it gets traffic",
    };
  const run = input.latestRunByEnvironment[previous.id];
  const counts = run?.total !== undefined ? ` (${run.passedCount ?? 0}/${run.total} checks)` : "";
  switch (run?.status) {
    case undefined:
      return { status: "warned", detail: `The smoke suite has not run on this release in ${previous.slug} yet` };
    case "passed":
      return { status: "passed", detail: `The smoke suite passed on this release in ${previous.slug}${counts}` };
    case "failed":
      return { status: "failed", detail: `The last smoke run of this release in ${previous.slug} failed${counts}; fix it or run it again` };
    case "running":
      return { status: "warned", detail: `A smoke run of this release in ${previous.slug} is still running` };
    case "error":
      return { status: "warned", detail: `The last smoke run of this release in ${previous.slug} could not complete; run it again` };
  }
}
