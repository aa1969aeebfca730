// A deployment's analysis as stored: every run with its verdict and reason, and every measurement (both
// revisions, the query, the value, the threshold, the sample count, the verdict, the error), oldest first.
import { AppError } from "@/lib/api/app-error";
import { db } from "@/lib/db";

export async function getDeploymentAnalysis(deploymentId: string) {
  const deployment = await db.deployment.findUnique({ where: { id: deploymentId }, select: { id: true } });
  if (!deployment) throw new AppError("not_found", `Deployment ${deploymentId} does not exist.`);
  const runs = await db.analysisRun.findMany({
    where: { deploymentId },
    orderBy: [{ startedAt: "asc" }, { step: "asc" }],
    include: { measurements: { orderBy: [{ measuredAt: "asc" }, { trigger: "asc" }, { revision: "asc" }] } },
  });
  return {
    deploymentId,
    runs: runs.map((run) => ({
      id: run.id,
      step: run.step,
      phase: run.phase,
      status: run.status,
      verdict: run.verdict,
      reason: run.reason,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      measurements: run.measurements.map((m) => ({
        id: m.id,
        trigger: m.trigger,
        metric: m.metric,
        revision: m.revision,
        revisionName: m.revisionName,
        query: m.query,
        value: m.value,
        sampleCount: m.sampleCount,
        windowSeconds: m.windowSeconds,
        threshold: m.threshold,
        verdict: m.verdict,
        reason: m.reason,
        dryRun: m.dryRun,
        error: m.error,
        measuredAt: m.measuredAt.toISOString(),
      })),
    })),
  };
}
