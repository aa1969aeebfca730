"use client";
// Deployments and rollbacks, newest first, with state, service and environment filters kept in the URL.
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, toSearch } from "@/components/data/api-fetch";
import { EnvironmentSelect, ServiceSelect } from "@/components/data/catalog-select";
import { formValues, useUrlFilters } from "@/components/data/use-url-filters";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Select } from "@/components/ui/form";
import { Pager } from "@/components/ui/pager";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { StatusPill, stateLabel } from "@/components/ui/status-pill";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/format";
import { Time } from "@/components/ui/time";
import { queryKeys, type DeploymentFilters } from "@/lib/query-keys";
import type { Page } from "@/lib/schemas/common";
import { DEPLOYMENT_STATES } from "@/lib/schemas/deployments";
import type { DeploymentSummary } from "@/lib/services/list-deployments";

function Filters({ filters }: { filters: DeploymentFilters }) {
  const setFilters = useUrlFilters();
  return (
    <form
      key={JSON.stringify(filters)}
      role="search"
      aria-label="Filter deployments"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        setFilters(formValues(event.currentTarget, ["state", "kind", "service", "environment"]));
      }}
    >
      <Field id="deployments-state" label="State" className="w-44">
        <Select id="deployments-state" name="state" defaultValue={filters.state ?? ""}>
          <option value="">Any state</option>
          {DEPLOYMENT_STATES.map((state) => (
            <option key={state} value={state}>
              {stateLabel(state)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="deployments-kind" label="Kind" className="w-36">
        <Select id="deployments-kind" name="kind" defaultValue={filters.kind ?? ""}>
          <option value="">Any kind</option>
          <option value="deploy">Deploys</option>
          <option value="rollback">Rollbacks</option>
        </Select>
      </Field>
      <ServiceSelect id="deployments-service" name="service" defaultValue={filters.service} className="w-48" />
      <EnvironmentSelect id="deployments-environment" name="environment" defaultValue={filters.environment} className="w-52" />
      <Button type="submit" variant="secondary">
        Apply filters
      </Button>
    </form>
  );
}

const INSIGHT_LABELS: Record<string, string> = {
  deployments: "successful deploys (deployment frequency)",
  lead_time: "successful deploys with a commit time (lead time for changes)",
  changes: "deploys counted by the change failure rate",
  change_failures: "failed changes (change failure rate)",
  restored: "failed changes that were restored (time to restore)",
  not_restored: "failed changes not restored yet",
};

/** Says which Insights figure the list shows, over which range, with the way back. */
function InsightBanner({ filters }: { filters: DeploymentFilters }) {
  if (!filters.insight && !filters.ids) return null;
  const what = filters.insight ? (INSIGHT_LABELS[filters.insight] ?? filters.insight) : "the deployments linked to";
  const scope = [filters.service, filters.environment ?? (filters.insight ? "every production environment" : null)].filter(Boolean);
  const back = `/insights${toSearch({ service: filters.service, environment: filters.environment })}`;
  return (
    <div
      data-testid="insight-filter"
      className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900"
    >
      <p>
        Showing {what}
        {scope.length ? ` of ${scope.join(" in ")}` : ""}
        {filters.from && filters.to ? `, finished ${formatDateTime(filters.from)} – ${formatDateTime(filters.to)}` : ""}.
      </p>
      <span className="flex gap-3">
        {filters.insight ? (
          <Link href={back} className="font-medium text-sky-800 hover:underline">
            Back to Insights
          </Link>
        ) : null}
        <Link href="/deployments" className="font-medium text-sky-800 hover:underline">
          Show all deployments
        </Link>
      </span>
    </div>
  );
}

function Rows({ items }: { items: DeploymentSummary[] }) {
  return (
    <Table label="Deployments">
      <thead>
        <tr>
          <Th>State</Th>
          <Th>Service</Th>
          <Th>Environment</Th>
          <Th>Release</Th>
          <Th>Strategy</Th>
          <Th>Traffic</Th>
          <Th>Started by</Th>
          <Th>Created</Th>
          <Th>Finished</Th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <Tr key={d.id}>
            <Td>
              <Link
                href={`/deployments/${d.id}`}
                aria-label={`Deployment of ${d.service.name} ${d.release.version}: ${stateLabel(d.state)}`}
              >
                <StatusPill state={d.state} />
              </Link>
              {d.error ? (
                <p className="mt-1 max-w-56 truncate text-xs text-red-700" title={d.error}>
                  {d.error}
                </p>
              ) : null}
            </Td>
            <Td className="font-medium">{d.service.name}</Td>
            <Td>
              {d.environment.name}
              {d.environment.isProduction ? (
                <Badge tone="danger" className="ml-1.5">
                  prod
                </Badge>
              ) : null}
            </Td>
            <Td>
              <Link href={`/deployments/${d.id}`} className="font-mono text-sky-700 hover:underline">
                {d.release.version}
              </Link>
              {d.kind === "rollback" ? (
                <Badge tone="warn" className="ml-1.5">
                  rollback
                </Badge>
              ) : null}
              {d.release.hotfix ? (
                <Badge tone="warn" className="ml-1.5">
                  hotfix
                </Badge>
              ) : null}
            </Td>
            <Td>{stateLabel(d.strategy)}</Td>
            <Td className="tabular-nums">{d.trafficPercent}%</Td>
            <Td>{d.startedBy ?? <span className="text-slate-400">system</span>}</Td>
            <Td>
              <Time value={d.createdAt} />
            </Td>
            <Td>
              <Time value={d.finishedAt} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

export function DeploymentsList({ filters }: { filters: DeploymentFilters }) {
  const query = useQuery({
    queryKey: queryKeys.deployments.list(filters),
    queryFn: () => apiFetch<Page<DeploymentSummary>>(`/api/v1/deployments${toSearch(filters)}`),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
  const isFiltered = Object.entries(filters).some(([name, value]) => name !== "page" && Boolean(value));
  return (
    <div className="space-y-3">
      <Filters filters={filters} />
      <InsightBanner filters={filters} />
      {query.isPending ? (
        <TableSkeleton columns={7} label="Loading deployments" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title={isFiltered ? "No deployments match these filters" : "No deployments yet"}>
          {isFiltered
            ? "Clear or change the filters to see more."
            : "Deployments and rollbacks appear here once a release is deployed to an environment."}
        </EmptyState>
      ) : (
        <>
          <Rows items={query.data.items} />
          <Pager
            page={query.data.page}
            pageSize={query.data.pageSize}
            total={query.data.total}
            hrefFor={(page) => `/deployments${toSearch({ ...filters, page })}`}
          />
        </>
      )}
    </div>
  );
}
