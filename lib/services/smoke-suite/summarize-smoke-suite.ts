// What the audit log keeps of a suite: enough to see what changed, nothing a header could leak.
import type { SmokeSuite } from "@/lib/smoke/smoke-suite-schema";

export type SmokeSuiteSummary = {
  checks: { name: string; kind: string }[];
  timeoutMs: number;
  stopAtFirstFailure: boolean;
  /** names of the service secrets the suite's headers reference */
  secretsReferenced: string[];
};

function referencedSecrets(headers: Record<string, string | { secret: string }>): string[] {
  return Object.values(headers).flatMap((value) => (typeof value === "string" ? [] : [value.secret]));
}

export function summarizeSmokeSuite(suite: SmokeSuite): SmokeSuiteSummary {
  const secrets = suite.checks.flatMap((check) =>
    check.kind === "http" || check.kind === "jsonrpc" ? referencedSecrets(check.headers) : referencedSecrets(check.request.headers),
  );
  return {
    checks: suite.checks.map((check) => ({ name: check.name, kind: check.kind })),
    timeoutMs: suite.timeoutMs,
    stopAtFirstFailure: suite.stopAtFirstFailure,
    secretsReferenced: [...new Set(secrets)].sort(),
  };
}
