// What one analysis tick needs from Postgres: the deployment's revisions, its service's analysis
// configuration and its target's metrics source, each validated as it is read (a broken stored value is a
// validation error naming the field, not a silent default).
import { AppError } from "@/lib/api/app-error";
import { db } from "@/lib/db";
import { parseServiceAnalysis, type ServiceAnalysis } from "@/lib/domain/analysis/service-analysis";
import { parseMetricsSourceConfig } from "@/lib/metrics/registry";
import type { MetricsSourceConfig } from "@/lib/metrics/types";

export type AnalysisSubject = {
  deploymentId: string;
  currentStep: number;
  targetId: string;
  candidate: string;
  stable: string | null;
  analysis: ServiceAnalysis;
  metricsSource: MetricsSourceConfig;
};

export async function loadAnalysisSubject(deploymentId: string): Promise<AnalysisSubject> {
  const deployment = await db.deployment.findUnique({
    where: { id: deploymentId },
    select: {
      id: true,
      currentStep: true,
      revision: true,
      replacesRevision: true,
      target: { select: { id: true, metricsSource: true } },
      release: { select: { service: { select: { analysis: true } } } },
    },
  });
  if (!deployment) throw new AppError("not_found", `Deployment ${deploymentId} does not exist.`);
  if (!deployment.revision) throw new AppError("conflict", `Deployment ${deploymentId} has no revision yet: there is nothing to analyse.`);
  const analysis = parseServiceAnalysis(deployment.release.service.analysis);
  if (!analysis.ok)
    throw new AppError(
      "validation",
      `The service's analysis configuration is invalid: ${analysis.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      { fields: analysis.issues },
    );
  return {
    deploymentId: deployment.id,
    currentStep: deployment.currentStep,
    targetId: deployment.target.id,
    candidate: deployment.revision,
    stable: deployment.replacesRevision,
    analysis: analysis.value,
    metricsSource: parseMetricsSourceConfig(deployment.target.metricsSource),
  };
}
