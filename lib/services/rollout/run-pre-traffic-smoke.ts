// The verify step of a deploy: once the new revision is ready at the provider, the service's smoke suite runs
// against the revision's own URL, before it has any traffic. A failed run fails the step, so the engine
// reverts and the bad revision never serves a request through the target.
import { db } from "@/lib/db";
import { loadServiceSecrets } from "@/lib/services/service-secrets/load-service-secrets";
import { loadServiceSuite } from "@/lib/services/smoke/load-service-suite";
import { createSmokeRun, executeSmokeRun, markInterrupted } from "@/lib/services/smoke/record-smoke-run";
import type { DeploymentProvider } from "@/lib/providers/types";
import type { StepOutcome } from "./execute-step";
import { providerTargetOf, type LoadedDeployment } from "./load-deployment";
import { checkResultEvents, firstFailure } from "./smoke-events";
import { verifyRevision, waitUntilReady } from "./verify-revision";

export async function runPreTrafficSmoke({
  deployment: d,
  provider,
}: {
  deployment: LoadedDeployment;
  provider: DeploymentProvider;
}): Promise<StepOutcome> {
  const target = providerTargetOf(d);
  const suite = await loadServiceSuite(d.target.serviceId);
  if (!suite) {
    const health = await verifyRevision({ provider, target, revision: d.revision! });
    return health.ok
      ? { kind: "advance", message: `No smoke suite for ${d.target.service.slug}: health check only — ${health.detail}` }
      : { kind: "fail", reason: `Verification failed (no smoke suite, health check only): ${health.detail}` };
  }
  const ready = await waitUntilReady({ provider, target, revision: d.revision! });
  if (typeof ready === "string") return { kind: "fail", reason: `Verification failed: ${ready}` };
  if (!ready.url)
    return {
      kind: "advance",
      message: "Ready and healthy at the provider; the smoke suite was NOT run: the provider gives the revision no URL of its own",
    };
  // A step re-run after a crash starts afresh: the run it abandoned is closed as interrupted.
  await markInterrupted({ deploymentId: d.id, trigger: "pre_traffic" });
  const runId = await createSmokeRun({
    serviceId: d.target.serviceId,
    targetId: d.targetId,
    releaseId: d.releaseId,
    revision: d.revision,
    deploymentId: d.id,
    url: ready.url,
    trigger: "pre_traffic",
  });
  const run = await executeSmokeRun({
    runId,
    url: ready.url,
    suite,
    secrets: await loadServiceSecrets(d.target.serviceId),
    onResult: checkResultEvents(d.id, runId),
  });
  const { passedCount, total, durationMs } = run.summary;
  return run.summary.passed
    ? {
        kind: "advance",
        message: `Smoke suite passed on ${d.revision} before traffic: ${passedCount}/${total} checks in ${Math.round(durationMs)} ms`,
      }
    : { kind: "fail", reason: firstFailure(run.results) };
}
