"use client";
// A target's page: what is firing on it, what runs there now (revisions, traffic, rates), its revision history and recent
// deployments, the change-failure count, and the Rollback button.
import Link from "next/link";
import { TargetAlerts } from "@/components/alerts/target-alerts";
import { TargetRuleStates } from "@/components/alerts/target-rule-states";
import { Badge } from "@/components/ui/badge";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { StatusPill, stateLabel } from "@/components/ui/status-pill";
import { CloudRunRevisions } from "./cloud-run-revisions";
import { RevisionsTable } from "./revisions-table";
import { RollbackButton } from "./rollback-button";
import { RecentDeployments, RevisionHistory } from "./target-history";
import { useTargetStatus } from "./use-target-status";
import type { TargetStatusView } from "@/lib/services/rollout/get-target-status";

function Facts({ t }: { t: TargetStatusView }) {
  const pause = t.strategy.stepPauseSeconds === null ? "wait for promote" : `${t.strategy.stepPauseSeconds} s`;
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
      <div>
        <dt className="text-xs font-medium text-slate-500">Current release</dt>
        <dd className="font-mono">{t.currentRelease?.version ?? "—"}</dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-slate-500">Provider</dt>
        <dd>{t.providerType}</dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-slate-500">Default strategy</dt>
        <dd>
          {stateLabel(t.strategy.default)}{" "}
          <span className="text-slate-500">
            (canary {t.strategy.canarySteps.join(" → ")} %, {pause})
          </span>
        </dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-slate-500">
          Rollbacks of {t.service.name}, last {t.changeFailure.days} days
        </dt>
        <dd data-testid="change-failure" className="tabular-nums">
          {t.changeFailure.rollbacks}
        </dd>
      </div>
    </dl>
  );
}

export function TargetView({ id, canRollback }: { id: string; canRollback: boolean }) {
  const query = useTargetStatus(id);
  if (query.isPending) return <TableSkeleton rows={6} columns={4} label="Loading the target" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const t = query.data;
  const label = `${t.service.name} in ${t.environment.name}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-lg font-semibold tracking-tight text-slate-900">
          {t.service.name} <span className="text-slate-500">in</span> {t.environment.name}
          {t.environment.isProduction ? (
            <Badge tone="danger" className="ml-2 align-middle">
              prod
            </Badge>
          ) : null}
        </h1>
        {canRollback ? <RollbackButton targetId={t.id} label={label} revisions={t.revisions} /> : null}
      </div>
      <Facts t={t} />
      <div>
        <TargetAlerts targetId={t.id} />
        <TargetRuleStates targetId={t.id} />
      </div>
      {t.activeDeployment ? (
        <Link
          href={`/deployments/${t.activeDeployment.id}`}
          className="flex items-center gap-2 rounded-lg border border-sky-200 bg-sky-50 px-4 py-2.5 text-sm text-sky-900 hover:bg-sky-100"
        >
          <StatusPill state={t.activeDeployment.state} />
          {t.activeDeployment.kind === "rollback" ? "A rollback" : "A deployment"} is running ({t.activeDeployment.trafficPercent}% on its
          revision) — open it
        </Link>
      ) : null}
      <section aria-label="Running now">
        <h2 className="mb-2 text-sm font-semibold text-slate-900">Running now</h2>
        <RevisionsTable provider={t.provider} highlight={null} />
      </section>
      {t.providerType === "cloudrun" ? <CloudRunRevisions provider={t.provider} /> : null}
      <div className="space-y-6">
        <section aria-label="Revision history">
          <h2 className="mb-2 text-sm font-semibold text-slate-900">Revision history</h2>
          <RevisionHistory revisions={t.revisions} />
        </section>
        <section aria-label="Recent deployments">
          <h2 className="mb-2 text-sm font-semibold text-slate-900">Recent deployments</h2>
          <RecentDeployments deployments={t.deployments} />
        </section>
      </div>
    </div>
  );
}
