// Is this release ready to deploy to this target? The documents' pre-deploy checks, each passing, warning or
// failing, scored out of 100: a pass earns its weight, a warning WARNING_CREDIT of it, a failure nothing. A
// deploy needs READINESS_MIN_SCORE and no failed check: the score weighs the warnings (several of them
// refuse a deploy), and "no failed check" keeps a high score from hiding a hard stop.
import { READINESS_MIN_SCORE } from "./document-defaults";
import { READINESS_WEIGHTS, WARNING_CREDIT, type ReadinessCheckId } from "./readiness/readiness-weights";

export type ReadinessStatus = "passed" | "warned" | "failed";

export type ReadinessCheckInput = { id: ReadinessCheckId; label: string; status: ReadinessStatus; detail: string };

/** A check with its weight out of 100 and the points it earned. */
export type ReadinessCheck = ReadinessCheckInput & { weight: number; earned: number };

export type ReadinessDecision = {
  /** out of 100, to one decimal */
  score: number;
  ready: boolean;
  checks: ReadinessCheck[];
  /** why it is or is not ready, naming every failed check (and the warnings when the score alone refuses) */
  reason: string;
};

const CREDIT: Record<ReadinessStatus, number> = { passed: 1, warned: WARNING_CREDIT, failed: 0 };
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export function evaluateReadiness(options: { checks: readonly ReadinessCheckInput[] }): ReadinessDecision {
  const checks = options.checks.map((check) => {
    const weight = READINESS_WEIGHTS[check.id];
    return { ...check, weight, earned: oneDecimal(weight * CREDIT[check.status]) };
  });
  const score = oneDecimal(checks.reduce((sum, c) => sum + c.earned, 0));
  const failed = checks.filter((c) => c.status === "failed");
  const ready = score >= READINESS_MIN_SCORE && failed.length === 0;
  return { score, ready, checks, reason: describeReadiness({ score, ready, checks }) };
}

const named = (checks: ReadinessCheck[]) => checks.map((c) => `${c.label} — ${c.detail}`).join("; ");

function describeReadiness({ score, ready, checks }: { score: number; ready: boolean; checks: ReadinessCheck[] }): string {
  const warned = checks.filter((c) => c.status === "warned");
  const failed = checks.filter((c) => c.status === "failed");
  if (ready) {
    const warnings = warned.length === 0 ? "every check passed" : `${warned.length} with a warning: ${named(warned)}`;
    return `Ready to deploy: ${score}/100, ${warnings}`;
  }
  const needs = `needs ${READINESS_MIN_SCORE}/100 and no failed check`;
  if (failed.length > 0) return `Not ready (${score}/100, ${needs}): ${named(failed)}`;
  return `Not ready (${score}/100, ${needs}): too many warnings: ${named(warned)}`;
}
