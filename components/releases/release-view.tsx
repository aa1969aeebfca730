"use client";
// The release page: the release itself, then per environment in promotion order everything a release manager
// decides on — the window now, approvals, readiness, promotion, its deployments there, what it changes, and
// the Deploy button with the gate's reasons. The server decides every rule; this page shows its answers.
import { LatestSmokeRun } from "@/components/smoke/latest-smoke-run";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/data/api-fetch";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { StatusPill } from "@/components/ui/status-pill";
import { Time } from "@/components/ui/time";
import { isActive } from "@/lib/domain/rollout-lifecycle";
import { queryKeys } from "@/lib/query-keys";
import type { ReleaseDetail } from "@/lib/services/get-release-detail";
import type { ReleaseEnvironmentView } from "@/lib/services/release-detail/describe-release-environment";
import { ApprovalsPanel } from "./approvals-panel";
import { DeployPanel } from "./deploy-panel";
import { ChangesPanel, ReadinessPanel } from "./readiness-panel";
import { RecordBackupButton } from "./record-backup-button";

/** Who is looking; what they may deploy or override comes with each environment's deploy gate. */
export type Viewer = { userId: string; email: string };

export function ReleaseView({ id, viewer }: { id: string; viewer: Viewer }) {
  const query = useQuery({
    queryKey: queryKeys.releases.detail(id),
    queryFn: () => apiFetch<ReleaseDetail>(`/api/v1/releases/${id}`),
    refetchInterval: (q) => (q.state.data?.environments.some((e) => e.deployments.some((d) => isActive(d.state))) ? 2_000 : 10_000),
  });
  if (query.isPending) return <TableSkeleton rows={6} columns={3} label="Loading the release" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const { release, environments } = query.data;
  return (
    <>
      <PageHeader
        title={`${release.service.name} ${release.version}`}
        description={
          <>
            Recorded by {release.author.name} on <Time value={release.createdAt} />.{" "}
            <Link href="/releases" className="text-sky-700 hover:underline">
              All releases
            </Link>
          </>
        }
      />
      <ReleaseFacts release={release} />
      <div className="mt-4 space-y-4">
        {environments.map((e) => (
          <EnvironmentCard
            key={e.environment.id}
            releaseId={release.id}
            version={release.version}
            isAuthor={release.author.email === viewer.email}
            view={e}
            viewer={viewer}
          />
        ))}
      </div>
    </>
  );
}

function ReleaseFacts({ release }: { release: ReleaseDetail["release"] }) {
  return (
    <section aria-label="Release" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <span className="font-mono text-base font-semibold text-slate-900">{release.version}</span>
        {release.hotfix ? <Badge tone="warn">hotfix</Badge> : null}
        <span className="text-sm text-slate-500">{release.service.slug}</span>
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1.5 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-slate-500">Image</dt>
        <dd className="font-mono text-xs break-all">{release.image}</dd>
        <dt className="text-slate-500">Artifact digest</dt>
        <dd className="font-mono text-xs break-all">{release.digest}</dd>
        <dt className="text-slate-500">Commit</dt>
        <dd className="font-mono text-xs">{release.commitSha ?? "—"}</dd>
        <dt className="text-slate-500">Committed</dt>
        <dd>
          <Time value={release.committedAt} fallback="Not reported" />
        </dd>
        <dt className="text-slate-500">Author</dt>
        <dd>
          {release.author.name} <span className="text-slate-500">({release.author.email})</span>
        </dd>
        <dt className="text-slate-500">Notes</dt>
        <dd className="whitespace-pre-wrap">{release.notes ?? <span className="text-slate-400">No notes</span>}</dd>
      </dl>
      <ReleaseConfiguration env={release.env} />
    </section>
  );
}

/** The environment variables every revision of this release runs with, so what was deployed can be told. */
function ReleaseConfiguration({ env }: { env: ReleaseDetail["release"]["env"] }) {
  const names = Object.keys(env).sort();
  return (
    <div className="mt-3 border-t border-slate-100 pt-3">
      <h3 className="text-sm font-semibold text-slate-900">Configuration</h3>
      {names.length === 0 ? (
        <p className="text-sm text-slate-400">No environment variables: the revision runs with its target&apos;s settings only.</p>
      ) : (
        <dl aria-label="Environment variables" className="mt-1 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
          {names.map((name) => (
            <div key={name} className="contents">
              <dt className="font-mono text-xs text-slate-600">{name}</dt>
              <dd className="font-mono text-xs break-all">{env[name]}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

const WINDOW_TONE = { open: "ok", closed: "warn", frozen: "danger" } as const;
const WINDOW_LABEL = { open: "Window open", closed: "Window closed", frozen: "Frozen" } as const;

function EnvironmentCard({
  releaseId,
  version,
  isAuthor,
  view,
  viewer,
}: {
  releaseId: string;
  version: string;
  isAuthor: boolean;
  view: ReleaseDetail["environments"][number];
  viewer: Viewer;
}) {
  const { environment, window } = view;
  const headingId = `env-${environment.slug}-heading`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={`environment-${environment.slug}`}
      className="rounded-lg border border-slate-200 bg-white"
    >
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {environment.name}
          </h2>
          {environment.isProduction ? <Badge tone="info">production</Badge> : null}
          <Badge tone={WINDOW_TONE[window.state]}>{WINDOW_LABEL[window.state]}</Badge>
          <span data-testid="window-description" className="text-sm text-slate-600">
            {window.description}
          </span>
        </div>
        <PromotionBadge promotion={view.promotion} />
      </header>
      <div className="grid gap-4 p-4 lg:grid-cols-2">
        <div className="space-y-4">
          <ApprovalsPanel releaseId={releaseId} isAuthor={isAuthor} view={view} viewer={viewer} />
          <ReadinessPanel readiness={view.readiness} />
          <LatestSmokeRun run={view.latestSmokeRun} />
          {view.target?.requiresBackup &&
          view.readiness.checks.some((c) => c.id === "backup" && c.status === "failed") &&
          // Recording a backup needs the right to deploy here, as the gate says.
          !view.deployGate.refusals.some((r) => r.rule === "deploy_permission") ? (
            <RecordBackupButton targetId={view.target.id} releaseId={releaseId} />
          ) : null}
          {view.freezes.length > 0 ? (
            <div>
              <h3 className="mb-1 text-sm font-semibold text-slate-800">Freezes</h3>
              <ul className="space-y-1 text-sm">
                {view.freezes.map((f) => (
                  <li key={f.id}>
                    <Time value={f.startsAt} /> – <Time value={f.endsAt} />: {f.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        <div className="space-y-4">
          <DeployPanel releaseId={releaseId} version={version} view={view} />
          <ChangesPanel changes={view.changes} version={version} />
          <Deployments deployments={view.deployments} />
        </div>
      </div>
    </section>
  );
}

function PromotionBadge({ promotion }: { promotion: ReleaseEnvironmentView["promotion"] }) {
  return (
    <p data-testid="promotion" className="flex items-center gap-2 text-sm text-slate-600">
      <Badge tone={promotion.allowed ? (promotion.bypass ? "warn" : "ok") : "danger"}>
        {promotion.allowed ? (promotion.bypass ? "Promotion exempt" : "Promotion satisfied") : "Not promoted yet"}
      </Badge>
      <span>{promotion.reason}</span>
    </p>
  );
}

function Deployments({ deployments }: { deployments: ReleaseEnvironmentView["deployments"] }) {
  return (
    <div>
      <h3 className="mb-1 text-sm font-semibold text-slate-800">Deployments of this release here</h3>
      {deployments.length === 0 ? (
        <p className="text-sm text-slate-500">None yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm" aria-label="Deployments">
          {deployments.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-2 px-3 py-2">
              <StatusPill state={d.state} />
              <Link href={`/deployments/${d.id}`} className="font-mono text-xs text-sky-700 hover:underline">
                {d.id}
              </Link>
              <span className="text-slate-600">
                {d.kind === "rollback" ? "rollback" : d.strategy.replace("_", "-")}
                {d.startedBy ? ` by ${d.startedBy}` : ""}
              </span>
              <span className="text-slate-500">
                <Time value={d.createdAt} />
              </span>
              {d.overrideReason ? <span className="w-full text-xs text-amber-800">Window overridden: {d.overrideReason}</span> : null}
              {d.error ? <span className="w-full text-xs text-red-700">{d.error}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
