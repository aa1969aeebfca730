// A deployment's analysis as stored: every run with its verdict and reason, and every measurement (both
// revisions, the query, the value, the threshold, the sample count, the verdict, the error), oldest first.
// Also whether the service's analysis is on, and each threshold's number where the configuration still holds
// it (threshold-values.ts), so the page can say why there are no runs and draw the threshold line.
import { AppError } from "@/lib/api/app-error";
import { db } from "@/lib/db";
import { parseServiceAnalysis } from "@/lib/domain/analysis/service-analysis";
import { thresholdValues } from "./threshold-values";

export async function getDeploymentAnalysis(deploymentId: string) {
  const deployment = await db.deployment.findUnique({
    where: { id: deploymentId },
    select: { id: true, release: { select: { service: { select: { analysis: true } } } } },
  });
  if (!deployment) throw new AppError("not_found", `Deployment ${deploymentId} does not exist.`);
  // A broken stored configuration fails the tick that reads it, not this read: the stored runs still show.
  const analysis = parseServiceAnalysis(deployment.release.service.analysis);
  const thresholdOf = thresholdValues({ triggers: analysis.ok ? analysis.value.config.triggers : [] });
  const runs = await db.analysisRun.findMany({
    where: { deploymentId },
    orderBy: [{ startedAt: "asc" }, { step: "asc" }],
    include: { measurements: { orderBy: [{ measuredAt: "asc" }, { trigger: "asc" }, { revision: "asc" }] } },
  });
  return {
    deploymentId,
    analysisEnabled: analysis.ok && analysis.value.enabled,
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
        /** In the metric's unit; null for a baseline trigger or one edited since (then only the text is known). */
        thresholdValue: thresholdOf(m),
        verdict: m.verdict,
        reason: m.reason,
        dryRun: m.dryRun,
        error: m.error,
        measuredAt: m.measuredAt.toISOString(),
      })),
    })),
  };
}

export type DeploymentAnalysis = Awaited<ReturnType<typeof getDeploymentAnalysis>>;
