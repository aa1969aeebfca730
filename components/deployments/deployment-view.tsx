"use client";
// The deployment page: header, controls, step progress, traffic split, per-revision rates, smoke runs,
// analysis and the timeline, all live through the deployment's event stream.
import { DeploymentAnalysis } from "@/components/analysis/deployment-analysis";
import { QueryError } from "@/components/ui/query-state";
import { DeploymentSmokeRuns } from "@/components/smoke/deployment-smoke-runs";
import { RerunSmokeButton } from "@/components/smoke/rerun-smoke-button";
import { TableSkeleton } from "@/components/ui/skeleton";
import { TrafficBar } from "@/components/ui/traffic-bar";
import { RevisionsTable } from "@/components/targets/revisions-table";
import { RollbackButton } from "@/components/targets/rollback-button";
import { useTargetStatus } from "@/components/targets/use-target-status";
import { isActive } from "@/lib/domain/rollout-lifecycle";
import { DeploymentControls } from "./deployment-controls";
import { DeploymentHeader } from "./deployment-header";
import { EventTimeline } from "./event-timeline";
import { StepProgress } from "./step-progress";
import { useDeployment } from "./use-deployment";

type Props = { id: string; canControl: boolean; canRollback: boolean; canRunSmoke: boolean };

function Section({ title, children, className }: { title: string; children: React.ReactNode; className?: string }) {
  return (
    <section aria-label={title} className={className}>
      <h2 className="mb-2 text-sm font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

export function DeploymentView({ id, canControl, canRollback, canRunSmoke }: Props) {
  const { query, stream } = useDeployment(id);
  const target = useTargetStatus(query.data?.target.id);
  if (query.isPending) return <TableSkeleton rows={6} columns={3} label="Loading the deployment" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const d = query.data;
  const label = `${d.target.service.name} in ${d.target.environment.name}`;
  const hasControls = canControl && isActive(d.state);
  return (
    <div className="space-y-6">
      <DeploymentHeader deployment={d} stream={stream} />
      <div className="flex flex-wrap items-start gap-2">
        {hasControls ? <DeploymentControls deployment={d} /> : null}
        {hasControls && canRollback ? <span aria-hidden className="mx-1 h-9 border-l border-slate-300" /> : null}
        {canRollback ? <RollbackButton targetId={d.target.id} label={label} revisions={target.data?.revisions} /> : null}
      </div>
      <div className="grid gap-6 md:grid-cols-3">
        <Section title="Steps">
          <StepProgress steps={d.steps} state={d.state} isFinished={!d.isActive} />
        </Section>
        <Section title="Traffic" className="md:col-span-2">
          <TrafficBar percent={d.trafficPercent} newLabel={d.revision ?? "new revision"} previousLabel={d.replacesRevision ?? "previous"} />
          <div className="mt-4">
            {target.data ? (
              <RevisionsTable provider={target.data.provider} highlight={d.revision} label="Revisions on this target" />
            ) : target.isError ? (
              <QueryError error={target.error} />
            ) : null}
          </div>
        </Section>
      </div>
      <Section title="Smoke tests">
        <DeploymentSmokeRuns deploymentId={d.id} />
        {canRunSmoke ? (
          <div className="mt-3">
            <RerunSmokeButton targetId={d.target.id} />
          </div>
        ) : null}
      </Section>
      <Section title="Analysis">
        <DeploymentAnalysis deploymentId={d.id} steps={d.steps} />
      </Section>
      <Section title="Timeline">
        <EventTimeline events={d.events} />
      </Section>
    </div>
  );
}
