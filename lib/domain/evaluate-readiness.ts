// Is this release ready to deploy to this target? The documents' pre-deploy checks, scored out of 100: a
// deploy needs READINESS_MIN_SCORE and no failed check. The score shows how far along a release is; the
// "no failed check" rule is what keeps a high score from hiding a hard stop.
import { READINESS_MIN_SCORE } from "./document-defaults";
import { READINESS_WEIGHTS, scaleWeights, type ReadinessCheckId } from "./readiness/readiness-weights";

export type ReadinessStatus = "passed" | "failed" | "not_applicable";

export type ReadinessCheckInput = { id: ReadinessCheckId; label: string; status: ReadinessStatus; detail: string };

/** A check with its share of the 100 points (0 when not applicable) and what it earned. */
export type ReadinessCheck = ReadinessCheckInput & { weight: number; earned: number };

export type ReadinessDecision = {
  score: number;
  ready: boolean;
  checks: ReadinessCheck[];
  /** why it is or is not ready, naming every failed check */
  reason: string;
};

export function evaluateReadiness(options: { checks: readonly ReadinessCheckInput[] }): ReadinessDecision {
  const applicable = options.checks.filter((c) => c.status !== "not_applicable");
  const weights = scaleWeights(applicable.map((c) => READINESS_WEIGHTS[c.id]));
  const checks = options.checks.map((check) => {
    const index = applicable.indexOf(check);
    const weight = index === -1 ? 0 : (weights[index] ?? 0);
    return { ...check, weight, earned: check.status === "passed" ? weight : 0 };
  });
  const score = applicable.length === 0 ? 100 : checks.reduce((sum, c) => sum + c.earned, 0);
  const failed = checks.filter((c) => c.status === "failed");
  const ready = score >= READINESS_MIN_SCORE && failed.length === 0;
  return { score, ready, checks, reason: describeReadiness({ score, ready, failed, applicable: applicable.length }) };
}

function describeReadiness(options: { score: number; ready: boolean; failed: ReadinessCheck[]; applicable: number }): string {
  const { score, ready, failed, applicable } = options;
  if (ready) return `Ready to deploy: ${score}/100, all ${applicable} applicable checks passed`;
  const failures = failed.map((c) => `${c.label} — ${c.detail}`).join("; ");
  const needs = `needs ${READINESS_MIN_SCORE}/100 and no failed check`;
  return failures ? `Not ready (${score}/100, ${needs}): ${failures}` : `Not ready (${score}/100, ${needs})`;
}
