"use client";
// The release page's smoke result for one environment: the newest run of this release there, outcome first,
// with its checks folded away until asked for.
import { SmokeRunCard, SmokeStatusBadge } from "./smoke-run-card";
import type { SmokeRunView } from "@/lib/services/smoke/smoke-run-view";

export function LatestSmokeRun({ run }: { run: SmokeRunView | null }) {
  return (
    <div data-testid="latest-smoke-run">
      <h3 className="mb-1 text-sm font-semibold text-slate-800">Smoke tests</h3>
      {run ? (
        <details>
          <summary className="cursor-pointer text-sm text-slate-700">
            <SmokeStatusBadge status={run.status} />{" "}
            {run.summary && "total" in run.summary ? `${run.summary.passedCount} of ${run.summary.total} checks passed` : null}
          </summary>
          <div className="mt-2">
            <SmokeRunCard run={run} />
          </div>
        </details>
      ) : (
        <p className="text-sm text-slate-500">Not run on this environment yet.</p>
      )}
    </div>
  );
}
