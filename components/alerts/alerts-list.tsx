"use client";
// Alerts, newest first: open and acknowledged ones unless the filters say otherwise, each linked to its
// target, with Acknowledge for on-call engineers, release managers and admins.
import { useState } from "react";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, toSearch } from "@/components/data/api-fetch";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { ALERT_SEVERITIES } from "@/lib/domain/alerts/alert-rule";
import { type AlertFilters as Filters, queryKeys } from "@/lib/query-keys";
import type { AlertView } from "@/lib/services/alerts/alert-view";
import type { AlertList } from "@/lib/services/alerts/list-alerts";
import { AcknowledgeDialog } from "./acknowledge-dialog";
import { AlertFilters } from "./alert-filters";
import { SeverityBadge } from "./severity-badge";

const STATE_TONE = { open: "danger", acknowledged: "warn", resolved: "ok" } as const;

function StateCell({ alert }: { alert: AlertView }) {
  return (
    <div className="space-y-0.5">
      <Badge tone={STATE_TONE[alert.state]}>{alert.state}</Badge>
      {alert.acknowledgedBy ? (
        <p className="text-xs text-slate-600">
          by {alert.acknowledgedBy.name}, <Time value={alert.acknowledgedAt} />
        </p>
      ) : null}
      {alert.resolvedAt ? (
        <p className="text-xs text-slate-600">
          resolved <Time value={alert.resolvedAt} />
        </p>
      ) : null}
    </div>
  );
}

function Rows({
  items,
  canAcknowledge,
  onAcknowledge,
}: {
  items: AlertView[];
  canAcknowledge: boolean;
  onAcknowledge: (a: AlertView) => void;
}) {
  return (
    <Table label="Alerts">
      <thead>
        <tr>
          <Th>Severity</Th>
          <Th>Alert</Th>
          <Th>Target</Th>
          <Th>State</Th>
          <Th>Started</Th>
          <Th>Last seen</Th>
          {canAcknowledge ? (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <Tr key={a.id}>
            <Td>
              <SeverityBadge severity={a.severity} />
            </Td>
            <Td className="max-w-md">
              <p className="font-medium">{a.name}</p>
              {a.summary ? <p className="text-xs text-slate-600">{a.summary}</p> : null}
              <p className="text-xs text-slate-500">
                {a.source === "alertmanager" ? "from Alertmanager" : a.condition ? `rule: ${a.condition}` : "rule"}
              </p>
            </Td>
            <Td>
              <Link href={`/targets/${a.target.id}`} className="text-sky-700 hover:underline">
                {a.target.service.name} · {a.target.environment.name}
              </Link>
            </Td>
            <Td>
              <StateCell alert={a} />
            </Td>
            <Td>
              <Time value={a.startedAt} />
            </Td>
            <Td>
              <Time value={a.lastSeenAt} />
            </Td>
            {canAcknowledge ? (
              <Td>
                {a.state === "open" ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => onAcknowledge(a)}
                    aria-label={`Acknowledge ${a.severity} ${a.name} on ${a.target.service.name}`}
                  >
                    Acknowledge
                  </Button>
                ) : null}
              </Td>
            ) : null}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

function Summary({ counts }: { counts: AlertList["unresolvedBySeverity"] }) {
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700" aria-label="Unresolved alerts by severity">
      Unresolved:
      {ALERT_SEVERITIES.map((s) => (
        <span key={s} className="inline-flex items-center gap-1">
          <SeverityBadge severity={s} /> <span className="tabular-nums">{counts[s]}</span>
        </span>
      ))}
    </p>
  );
}

export function AlertsList({ filters, canAcknowledge }: { filters: Filters; canAcknowledge: boolean }) {
  const [acknowledging, setAcknowledging] = useState<AlertView | null>(null);
  // The page shows what still fires unless asked otherwise; "all" is no state filter at all.
  const state = filters.state === "all" ? undefined : (filters.state ?? "unresolved");
  const query = useQuery({
    queryKey: queryKeys.alerts.list(filters),
    queryFn: () => apiFetch<AlertList>(`/api/v1/alerts${toSearch({ ...filters, state })}`),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
  const isFiltered = Boolean(
    filters.severity || filters.service || filters.environment || (filters.state && filters.state !== "unresolved"),
  );
  return (
    <div className="space-y-3">
      <AlertFilters filters={filters} />
      {query.isPending ? (
        <TableSkeleton columns={6} label="Loading alerts" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <>
          <Summary counts={query.data.unresolvedBySeverity} />
          {query.data.items.length === 0 ? (
            <EmptyState title={isFiltered ? "No alerts match these filters" : "Nothing is firing"}>
              {isFiltered
                ? "Clear or change the filters to see more."
                : "Alerts open here when a target breaks one of its service's alert rules, or the operator's Alertmanager sends one."}
            </EmptyState>
          ) : (
            <>
              <Rows items={query.data.items} canAcknowledge={canAcknowledge} onAcknowledge={setAcknowledging} />
              <Pager
                page={query.data.page}
                pageSize={query.data.pageSize}
                total={query.data.total}
                hrefFor={(page) => `/alerts${toSearch({ ...filters, page })}`}
              />
            </>
          )}
        </>
      )}
      {acknowledging ? <AcknowledgeDialog key={acknowledging.id} alert={acknowledging} onDone={() => setAcknowledging(null)} /> : null}
    </div>
  );
}
