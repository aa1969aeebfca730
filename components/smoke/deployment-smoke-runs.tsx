"use client";
// The deployment page's smoke runs, oldest first (before traffic, after a rollback, the post-deploy health
// checks), live: the deployment's stream refreshes them on each check_result event.
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { SmokeRunCard } from "./smoke-run-card";
import { useDeploymentSmokeRuns } from "./use-smoke-runs";

export function DeploymentSmokeRuns({ deploymentId }: { deploymentId: string }) {
  const runs = useDeploymentSmokeRuns(deploymentId);
  if (runs.isPending) return <TableSkeleton columns={4} rows={2} label="Loading smoke runs" />;
  if (runs.isError) return <QueryError error={runs.error} onRetry={() => runs.refetch()} />;
  if (runs.data.items.length === 0) return <p className="text-sm text-slate-500">No smoke run yet for this deployment.</p>;
  return (
    <div className="space-y-3">
      {runs.data.items.map((run) => (
        <SmokeRunCard key={run.id} run={run} />
      ))}
    </div>
  );
}
