"use client";
// The services × environments matrix: what runs where, and how its latest deployment went. Its links do not
// prefetch: a page of 100 services has over a thousand, and prefetching them rendered hundreds of pages on
// the server for each view of the Overview.
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, toSearch } from "@/components/data/api-fetch";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { StatusPill, stateLabel } from "@/components/ui/status-pill";
import { Pager } from "@/components/ui/pager";
import { TrafficBar } from "@/components/ui/traffic-bar";
import { cn } from "@/components/ui/cn";
import { formatDateTime } from "@/components/ui/format";
import { CellHealth } from "./cell-health";
import { OverviewFilters } from "./overview-filters";
import { WindowState } from "./window-state";
import { isActive } from "@/lib/domain/rollout-lifecycle";
import { queryKeys, type OverviewFilters as Filters } from "@/lib/query-keys";
import type { Overview, OverviewCell, OverviewDeployment } from "@/lib/services/get-overview";

function hasActiveDeployment(cell: OverviewCell | null): boolean {
  return Boolean(cell?.latestDeployment && isActive(cell.latestDeployment.state));
}

/** Poll fast while something moves, so deploys and rollbacks show live; slowly otherwise. */
function refetchInterval(data: Overview | undefined): number {
  return data?.rows.some((row) => row.cells.some(hasActiveDeployment)) ? 2_500 : 15_000;
}

function LatestDeployment({ latest, isCurrentLatest }: { latest: OverviewDeployment; isCurrentLatest: boolean }) {
  const moving = isActive(latest.state);
  return (
    <span className="flex flex-wrap items-center gap-1" title={`Latest deployment ${formatDateTime(latest.createdAt)}`}>
      <Link
        prefetch={false}
        href={`/deployments/${latest.id}`}
        aria-label={`Latest deployment: ${latest.version}, ${stateLabel(latest.state)}`}
      >
        <StatusPill state={latest.state} />
      </Link>
      {latest.kind === "rollback" ? <Badge tone="warn">rollback</Badge> : null}
      {isCurrentLatest ? null : <span className="font-mono text-xs text-slate-500">→ {latest.version}</span>}
      {moving ? <span className="text-xs text-slate-600 tabular-nums">{latest.trafficPercent}%</span> : null}
      {moving ? (
        <TrafficBar size="sm" className="w-full" percent={latest.trafficPercent} newLabel={latest.version} previousLabel="previous" />
      ) : null}
    </span>
  );
}

function Cell({ cell }: { cell: OverviewCell | null }) {
  if (!cell) return <span className="text-xs text-slate-400">No target</span>;
  const latest = cell.latestDeployment;
  return (
    <div className="flex flex-col items-start gap-1">
      <Link
        prefetch={false}
        href={`/targets/${cell.targetId}`}
        className="font-mono text-sm font-medium text-slate-900 hover:underline"
        aria-label={`Target running ${cell.currentVersion ?? "nothing"}`}
      >
        {cell.currentVersion ?? "—"}
      </Link>
      {latest ? (
        <LatestDeployment latest={latest} isCurrentLatest={latest.version === cell.currentVersion} />
      ) : (
        <span className="text-xs text-slate-400">Never deployed</span>
      )}
      <CellHealth health={cell.health} />
    </div>
  );
}

export function OverviewMatrix({ filters }: { filters: Filters }) {
  const query = useQuery({
    queryKey: queryKeys.overviewList(filters),
    queryFn: () => apiFetch<Overview>(`/api/v1/overview${toSearch(filters)}`),
    refetchInterval: (query) => refetchInterval(query.state.data),
    placeholderData: keepPreviousData,
  });
  if (query.isPending) return <TableSkeleton rows={6} columns={4} label="Loading the overview" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const { environments, rows, openReviews, totalServices, matchingServices, owners, page, pageSize } = query.data;
  const isFiltered = Boolean(filters.q || filters.environment || filters.owner || filters.unhealthy);

  return (
    <div className="space-y-4">
      {openReviews > 0 ? (
        <div
          data-testid="open-reviews"
          className="flex items-center gap-2 rounded-lg border border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-900"
        >
          <span className="font-semibold">{openReviews}</span>
          {openReviews === 1 ? "post-hoc review is open" : "post-hoc reviews are open"} — hotfixes or window overrides a release manager
          still has to close.
          <Link href="/reviews" className="ml-auto font-medium text-amber-900 underline hover:no-underline">
            Open the reviews
          </Link>
        </div>
      ) : null}
      {totalServices > 0 ? (
        <div className="flex flex-wrap items-end justify-between gap-3">
          <OverviewFilters filters={filters} owners={owners} />
          <p data-testid="overview-count" className="text-sm text-slate-500" aria-live="polite">
            {isFiltered ? `${matchingServices} of ${totalServices} services match` : `${totalServices} services`}
          </p>
        </div>
      ) : null}
      {rows.length === 0 && isFiltered ? (
        <EmptyState title={filters.unhealthy ? "No unhealthy services match" : "No services match"}>
          Change the search or the filters, or clear them.
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title="No services yet — an admin adds them in Settings">
          Once services and their deploy targets exist, this matrix shows what runs where.
        </EmptyState>
      ) : environments.length === 0 ? (
        <EmptyState title="No environments yet — an admin adds them in Settings">
          Services exist, but there is nowhere to deploy them.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table aria-label="Services by environment" className="min-w-full text-sm">
            <thead>
              <tr>
                <th
                  scope="col"
                  className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase"
                >
                  Service
                </th>
                {environments.map((environment) => (
                  <th
                    key={environment.id}
                    scope="col"
                    className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase"
                  >
                    {environment.name}
                    {environment.isProduction ? (
                      <Badge tone="danger" className="ml-1.5 normal-case">
                        prod
                      </Badge>
                    ) : null}
                    <WindowState slug={environment.slug} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50/70">
                  <th scope="row" className="border-b border-slate-100 px-3 py-2 text-left align-top font-medium">
                    <Link
                      prefetch={false}
                      href={`/releases?service=${encodeURIComponent(row.slug)}`}
                      className="text-slate-900 hover:underline"
                    >
                      {row.name}
                    </Link>
                    <div className="font-mono text-xs font-normal text-slate-500">{row.slug}</div>
                  </th>
                  {row.cells.map((cell, index) => (
                    <td
                      key={environments[index]!.id}
                      className={cn(
                        "border-b border-slate-100 px-3 py-2 align-top",
                        cell?.health.unhealthy && "bg-red-50 ring-2 ring-red-500 ring-inset",
                      )}
                      data-testid={`cell-${row.slug}-${environments[index]!.slug}`}
                      data-health={cell ? (cell.health.unhealthy ? "unhealthy" : "healthy") : undefined}
                    >
                      <Cell cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {matchingServices > pageSize ? (
        <Pager
          page={page}
          pageSize={pageSize}
          total={matchingServices}
          hrefFor={(to) => `/overview${toSearch({ ...filters, page: to })}`}
        />
      ) : null}
    </div>
  );
}
