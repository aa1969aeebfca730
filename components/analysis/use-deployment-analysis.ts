"use client";
// A deployment's analysis runs and measurements. No polling: the deployment's stream invalidates this query on
// each measurement and decision event (use-deployment-stream.ts), and once more when the deployment ends.
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/data/api-fetch";
import { queryKeys } from "@/lib/query-keys";
import type { DeploymentAnalysis } from "@/lib/services/analysis/get-deployment-analysis";

export type AnalysisRunView = DeploymentAnalysis["runs"][number];
export type MeasurementView = AnalysisRunView["measurements"][number];

export function useDeploymentAnalysis(deploymentId: string) {
  return useQuery({
    queryKey: queryKeys.analysis.ofDeployment(deploymentId),
    queryFn: () => apiFetch<DeploymentAnalysis>(`/api/v1/deployments/${encodeURIComponent(deploymentId)}/analysis`),
  });
}
