"use client";
// The deployment page's Analysis: every run with its verdict and reason, and per trigger the candidate against
// the stable revision over time. Live: the deployment's stream refetches it on measurement and decision events.
import { useEffect } from "react";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import type { DeploymentDetail } from "@/lib/services/rollout/get-deployment";
import { AnalysisRunCard } from "./analysis-run-card";
import { useDeploymentAnalysis } from "./use-deployment-analysis";

type Props = { deploymentId: string; steps: DeploymentDetail["steps"] };

/** A page opened at #measurement-<id> had no such row yet when the browser looked: focus it once it exists. */
function useFocusLinkedMeasurement(isLoaded: boolean) {
  useEffect(() => {
    if (!isLoaded || !window.location.hash.startsWith("#measurement-")) return;
    const row = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    row?.scrollIntoView({ block: "center" });
    row?.focus({ preventScroll: true });
  }, [isLoaded]);
}

export function DeploymentAnalysis({ deploymentId, steps }: Props) {
  const analysis = useDeploymentAnalysis(deploymentId);
  useFocusLinkedMeasurement(analysis.isSuccess);
  if (analysis.isPending) return <TableSkeleton columns={4} rows={2} label="Loading the analysis" />;
  if (analysis.isError) return <QueryError error={analysis.error} onRetry={() => analysis.refetch()} />;
  const { runs, analysisEnabled } = analysis.data;
  if (runs.length === 0)
    return (
      <p className="text-sm text-slate-500">
        {analysisEnabled
          ? "Analysis has not run for this deployment yet: it measures during a canary's timed pauses."
          : "Analysis is off for this service."}
      </p>
    );
  return (
    <div className="space-y-3">
      {runs.map((run) => (
        <AnalysisRunCard key={run.id} run={run} steps={steps} />
      ))}
    </div>
  );
}
