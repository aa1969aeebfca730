"use client";
// Every service × environment with its SLOs now: availability and error rate over the last hour, p95 and p99,
// the 30-day error budget left, the 1 h burn rate and whether a burn-rate rule pages, and a freeze when the
// environment's budget freeze holds deploys. Each row opens the target's dashboard.
import Link from "next/link";
import { EnvironmentSelect, ServiceSelect } from "@/components/data/catalog-select";
import { toSearch } from "@/components/data/api-fetch";
import { formValues, useUrlFilters } from "@/components/data/use-url-filters";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { SloFilters } from "@/lib/query-keys";
import type { TargetSlo } from "@/lib/services/sli/list-slos";
import { BudgetMeter } from "./budget-meter";
import { formatBurn, formatMs, formatPercent } from "./format-slo";
import { useSlos } from "./use-slos";

function Filters({ filters }: { filters: SloFilters }) {
  const setFilters = useUrlFilters();
  return (
    <form
      key={JSON.stringify(filters)}
      role="search"
      aria-label="Filter SLOs"
      className="mb-3 flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        setFilters(formValues(event.currentTarget, ["service", "environment"]));
      }}
    >
      <ServiceSelect id="slos-service" name="service" defaultValue={filters.service} className="w-48" />
      <EnvironmentSelect id="slos-environment" name="environment" defaultValue={filters.environment} className="w-52" />
      <Button type="submit" variant="secondary">
        Apply filters
      </Button>
    </form>
  );
}

function value(item: TargetSlo, id: string, format: (v: number | null) => string) {
  const objective = item.slo?.current.objectives.find((o) => o.id === id);
  if (!objective) return <span className="text-slate-400">—</span>;
  return <span className={objective.status === "missed" ? "font-medium text-red-700" : undefined}>{format(objective.value)}</span>;
}

function Row({ item }: { item: TargetSlo }) {
  const slo = item.slo;
  return (
    <Tr data-testid="slo-row" data-target={item.targetId}>
      <Td className="font-medium">
        <Link href={`/slos/${item.targetId}`} className="text-sky-700 hover:underline">
          {item.service.name} · {item.environment.name}
        </Link>
        <div className="font-mono text-xs font-normal text-slate-500">
          {item.service.slug} / {item.environment.slug}
          {item.source === "prometheus" ? " · from Prometheus" : ""}
        </div>
      </Td>
      {slo ? (
        <>
          <Td className="tabular-nums">{value(item, "availability", (v) => formatPercent(v, 3))}</Td>
          <Td className="tabular-nums">{value(item, "error_rate", (v) => formatPercent(v))}</Td>
          <Td className="tabular-nums">{value(item, "p95", formatMs)}</Td>
          <Td className="tabular-nums">{value(item, "p99", formatMs)}</Td>
          <Td>
            <BudgetMeter budget={slo.budget} />
          </Td>
          <Td className="tabular-nums">{formatBurn(slo.burn.burnRates["1h"])}</Td>
          <Td>
            {slo.burn.action ? <Badge tone={slo.burn.action === "page" ? "danger" : "warn"}>{slo.burn.action}</Badge> : null}{" "}
            {slo.freeze.frozen ? <Badge tone="danger">frozen</Badge> : null}
          </Td>
        </>
      ) : (
        <Td colSpan={7} className="text-sm text-red-700">
          Could not read the metrics: {item.error}
        </Td>
      )}
    </Tr>
  );
}

export function SloList({ filters }: { filters: SloFilters }) {
  const query = useSlos(filters);
  return (
    <>
      <Filters filters={filters} />
      {query.isPending ? (
        <TableSkeleton columns={8} label="Loading SLOs" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title="No targets match">Each service gets SLOs per environment once an admin adds a target for it.</EmptyState>
      ) : (
        <>
          <Table label="SLOs by service and environment">
            <thead>
              <tr>
                <Th>Service · environment</Th>
                <Th>Availability (1 h)</Th>
                <Th>Error rate (1 h)</Th>
                <Th>p95</Th>
                <Th>p99</Th>
                <Th>Error budget (30 d)</Th>
                <Th>Burn (1 h)</Th>
                <Th>State</Th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((item) => (
                <Row key={item.targetId} item={item} />
              ))}
            </tbody>
          </Table>
          <Pager
            page={query.data.page}
            pageSize={query.data.pageSize}
            total={query.data.total}
            hrefFor={(page) => `/slos${toSearch({ service: filters.service, environment: filters.environment, page })}`}
          />
        </>
      )}
    </>
  );
}
