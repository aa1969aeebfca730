"use client";
// The Insights page: the four delivery metrics (DORA) of a service and environment over a range, then the
// same per service × environment and every change failure. Filters live in the URL.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, toSearch } from "@/components/data/api-fetch";
import { EnvironmentSelect, ServiceSelect } from "@/components/data/catalog-select";
import { formValues, useUrlFilters } from "@/components/data/use-url-filters";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Select } from "@/components/ui/form";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/components/ui/format";
import { queryKeys, type InsightFilters } from "@/lib/query-keys";
import type { InsightsView as Insights } from "@/lib/services/insights/get-insights";
import { ChangeFailuresTable } from "./change-failures-table";
import { InsightCards } from "./insight-cards";
import { InsightRows } from "./insight-rows";

const RANGES = [
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
  { value: "90d", label: "Last 90 days" },
  { value: "365d", label: "Last 365 days" },
];

function Filters({ filters }: { filters: InsightFilters }) {
  const setFilters = useUrlFilters();
  return (
    <form
      key={JSON.stringify(filters)}
      role="search"
      aria-label="Choose what the figures cover"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        setFilters(formValues(event.currentTarget, ["service", "environment", "range"]));
      }}
    >
      <ServiceSelect id="insights-service" name="service" defaultValue={filters.service} className="w-48" />
      <EnvironmentSelect
        id="insights-environment"
        name="environment"
        anyLabel="All production environments"
        defaultValue={filters.environment}
        className="w-60"
      />
      <Field id="insights-range" label="Range" className="w-44">
        <Select id="insights-range" name="range" defaultValue={filters.range ?? "30d"}>
          {RANGES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </form>
  );
}

function Scope({ data }: { data: Insights }) {
  const where = data.environments.length === 0 ? "no environment with targets" : data.environments.map((e) => e.name).join(", ");
  return (
    <p className="text-sm text-slate-600">
      {data.service ? data.service.name : "All services"} in {where}, {formatDateTime(data.from)} – {formatDateTime(data.to)}. A deploy
      counts in the range it finished in; a later rollback still marks it as a failed change.
    </p>
  );
}

export function InsightsView({ filters }: { filters: InsightFilters }) {
  const query = useQuery({
    queryKey: queryKeys.insights(filters),
    queryFn: () => apiFetch<Insights>(`/api/v1/insights${toSearch(filters)}`),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  return (
    <div className="space-y-4">
      <Filters filters={filters} />
      {query.isPending ? (
        <TableSkeleton rows={3} columns={4} label="Loading the delivery figures" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <>
          <Scope data={query.data} />
          <InsightCards figures={query.data.overall} />
          <section aria-labelledby="insights-per-service" className="space-y-2">
            <h2 id="insights-per-service" className="text-sm font-semibold text-slate-900">
              Per service and environment
            </h2>
            {query.data.rows.length === 0 ? (
              <EmptyState title="No deploys finished in this range">Choose a longer range, or another environment.</EmptyState>
            ) : (
              <InsightRows rows={query.data.rows} />
            )}
          </section>
          <section aria-labelledby="insights-failures" className="space-y-2">
            <h2 id="insights-failures" className="text-sm font-semibold text-slate-900">
              Change failures
            </h2>
            {query.data.overall.timeToRestore.failures.length === 0 ? (
              <EmptyState title="No change failures in this range" />
            ) : (
              <ChangeFailuresTable failures={query.data.overall.timeToRestore.failures} />
            )}
          </section>
        </>
      )}
    </div>
  );
}
