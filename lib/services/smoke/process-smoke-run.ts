// The smoke.run job: runs a recorded manual run's suite once. A retried job finds its run either finished
// (nothing to do) or interrupted part-way (marked `error`, never run a second time under the same id).
import { db } from "@/lib/db";
import { executeSmokeRun, failSmokeRun, markInterrupted } from "./record-smoke-run";
import { loadServiceSecrets } from "@/lib/services/service-secrets/load-service-secrets";
import { loadServiceSuite } from "./load-service-suite";

export async function processSmokeRun(runId: string): Promise<string> {
  const run = await db.smokeRun.findUnique({
    where: { id: runId },
    select: { status: true, url: true, serviceId: true, _count: { select: { results: true } } },
  });
  if (!run) return "missing";
  if (run.status !== "running") return run.status;
  if (run._count.results > 0) {
    await markInterrupted({ id: runId });
    return "interrupted";
  }
  let suite;
  try {
    suite = await loadServiceSuite(run.serviceId);
  } catch (error) {
    await failSmokeRun(runId, `The service's smoke suite cannot be read: ${(error as Error).message}`);
    return "error";
  }
  if (!suite) {
    await failSmokeRun(runId, "The service has no smoke suite.");
    return "error";
  }
  const outcome = await executeSmokeRun({ runId, url: run.url, suite, secrets: await loadServiceSecrets(run.serviceId) });
  return outcome.summary.passed ? "passed" : "failed";
}
