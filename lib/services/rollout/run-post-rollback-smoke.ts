// The validate step of a rollback: with traffic back on the good revision, the service's smoke suite runs
// against the target. A failure is raised loudly (an error on the timeline, a notification) but never
// undoes the rollback: the revision rolled back from is known bad, so there is nowhere better to go.
import type { DeploymentProvider } from "@/lib/providers/types";
import { notify } from "@/lib/services/notify";
import { loadServiceSecrets } from "@/lib/services/service-secrets/load-service-secrets";
import { loadServiceSuite } from "@/lib/services/smoke/load-service-suite";
import { createSmokeRun, executeSmokeRun, markInterrupted } from "@/lib/services/smoke/record-smoke-run";
import { db } from "@/lib/db";
import { appendEvent } from "./append-event";
import type { StepOutcome } from "./execute-step";
import { providerTargetOf, type LoadedDeployment } from "./load-deployment";
import { checkResultEvents, firstFailure } from "./smoke-events";

async function raise(d: LoadedDeployment, runId: string | null, why: string): Promise<void> {
  const message = `Smoke suite failed after the rollback to ${d.revision}: ${why}. The rollback stays in place; investigate now.`;
  await appendEvent(db, { deploymentId: d.id, type: "error", message, data: { smokeRunId: runId, trigger: "post_rollback" } });
  await notify({
    environmentId: d.target.environmentId,
    event: "smoke_failed",
    text: `${d.target.service.slug} in ${d.target.environment.slug}: ${message}`,
    fields: { revision: d.revision ?? "", deployment: d.id },
    subjectId: `${d.id}-post-rollback`,
  });
}

export async function runPostRollbackSmoke({
  deployment: d,
  provider,
}: {
  deployment: LoadedDeployment;
  provider: DeploymentProvider;
}): Promise<StepOutcome> {
  const suite = await loadServiceSuite(d.target.serviceId).catch((error: Error) => error);
  if (suite instanceof Error) {
    await raise(d, null, `its suite cannot be read (${suite.message})`);
    return { kind: "advance", message: "Post-rollback smoke suite not run: the suite cannot be read" };
  }
  if (!suite) return { kind: "advance", message: `No smoke suite for ${d.target.service.slug}: nothing to run after the rollback` };
  const status = await provider.getStatus({ target: providerTargetOf(d) });
  if (!status.url) return { kind: "advance", message: "Post-rollback smoke suite NOT run: the provider reports no URL for the target" };
  await markInterrupted({ deploymentId: d.id, trigger: "post_rollback" });
  const runId = await createSmokeRun({
    serviceId: d.target.serviceId,
    targetId: d.targetId,
    releaseId: d.releaseId,
    revision: d.revision,
    deploymentId: d.id,
    url: status.url,
    trigger: "post_rollback",
  });
  try {
    const run = await executeSmokeRun({
      runId,
      url: status.url,
      suite,
      secrets: await loadServiceSecrets(d.target.serviceId),
      onResult: checkResultEvents(d.id, runId),
    });
    if (run.summary.passed)
      return { kind: "advance", message: `Smoke suite passed after the rollback: ${run.summary.passedCount}/${run.summary.total} checks` };
    await raise(d, runId, firstFailure(run.results));
    return { kind: "advance", message: "Smoke suite FAILED after the rollback; the rollback stays in place" };
  } catch (error) {
    await raise(d, runId, `the run could not complete (${(error as Error).message})`);
    return { kind: "advance", message: "Smoke suite could not run after the rollback; the rollback stays in place" };
  }
}
