"use client";
// A service's smoke-run history, newest first: every run (before traffic, after rollback, post-deploy,
// Re-run) with its check results, and the environment it ran in.
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { SmokeRunCard } from "./smoke-run-card";
import { useSmokeRunHistory } from "./use-smoke-runs";

export function SmokeRunHistory({ serviceId }: { serviceId: string }) {
  const runs = useSmokeRunHistory({ service: serviceId });
  if (runs.isPending) return <TableSkeleton columns={4} rows={2} label="Loading smoke runs" />;
  if (runs.isError) return <QueryError error={runs.error} onRetry={() => runs.refetch()} />;
  if (runs.data.items.length === 0) return <p className="text-sm text-slate-500">No smoke run yet for this service.</p>;
  return (
    <div className="space-y-3">
      {runs.data.items.map((run) => (
        <div key={run.id}>
          <p className="mb-1 text-xs text-slate-500">{run.target ? run.target.environment.name : run.url}</p>
          <SmokeRunCard run={run} />
        </div>
      ))}
    </div>
  );
}
