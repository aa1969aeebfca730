"use client";
// Re-run: runs the service's suite against the target's current revision now (POST /smoke-runs {targetId})
// and shows the run live, polling it until it finishes. Shown only to roles with `smoke.run`; the server
// refuses the others anyway.
import { useState } from "react";
import { errorMessage } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form";
import { QueryError } from "@/components/ui/query-state";
import { SmokeRunCard } from "./smoke-run-card";
import { useSmokeRun, useStartSmokeRun } from "./use-smoke-runs";

export function RerunSmokeButton({ targetId }: { targetId: string }) {
  const start = useStartSmokeRun();
  const [runId, setRunId] = useState<string | null>(null);
  const run = useSmokeRun(runId);
  const isRunning = start.isPending || run.data?.status === "running" || (runId !== null && run.isPending);
  return (
    <div className="space-y-2">
      <Button variant="secondary" disabled={isRunning} onClick={() => start.mutate(targetId, { onSuccess: ({ id }) => setRunId(id) })}>
        {isRunning ? "Running smoke tests…" : "Re-run smoke tests"}
      </Button>
      <FormError message={errorMessage(start.error)} />
      {run.isError ? <QueryError error={run.error} onRetry={() => run.refetch()} /> : null}
      {run.data ? (
        <div aria-live="polite">
          <SmokeRunCard run={run.data} />
        </div>
      ) : null}
    </div>
  );
}
