// One analysis run: where in the rollout it ran, whether it is still measuring, its verdict and the reason
// for it, then each of its triggers with their measurements.
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import type { DeploymentDetail } from "@/lib/services/rollout/get-deployment";
import { describePhase, RUN_VERDICT_TONES } from "./describe-run";
import { groupByTrigger } from "./group-by-trigger";
import { TriggerAnalysis } from "./trigger-analysis";
import type { AnalysisRunView } from "./use-deployment-analysis";

export function AnalysisRunCard({ run, steps }: { run: AnalysisRunView; steps: DeploymentDetail["steps"] }) {
  const phase = describePhase({ run, steps });
  const triggers = groupByTrigger(run.measurements);
  return (
    <article aria-label={`Analysis run: ${phase}`} className="space-y-3 rounded-md border border-slate-200 bg-white p-3">
      <header className="space-y-1 text-sm">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="font-medium text-slate-900">{phase}</h3>
          <Badge tone={run.status === "running" ? "info" : "neutral"}>{run.status === "running" ? "measuring…" : "finished"}</Badge>
          {run.verdict ? (
            <Badge tone={RUN_VERDICT_TONES[run.verdict]} data-testid="analysis-verdict">
              {run.verdict}
            </Badge>
          ) : (
            <span className="text-slate-500">no verdict yet</span>
          )}
          <span className="text-slate-500">
            <Time value={run.startedAt} />
            {run.finishedAt ? (
              <>
                {" – "}
                <Time value={run.finishedAt} />
              </>
            ) : null}
          </span>
        </div>
        {run.reason ? <p className="text-slate-800">{run.reason}</p> : null}
      </header>
      {triggers.length === 0 ? (
        <p className="text-sm text-slate-500">No measurement yet.</p>
      ) : (
        triggers.map((trigger) => <TriggerAnalysis key={trigger.name} trigger={trigger} />)
      )}
    </article>
  );
}
