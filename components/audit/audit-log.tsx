"use client";
// The audit log: who did what to which subject, newest first, paged by event id.
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, toSearch } from "@/components/data/api-fetch";
import { buttonClassName } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { queryKeys, type AuditFilters as Filters } from "@/lib/query-keys";
import type { AuditPage } from "@/lib/services/list-audit-events";
import { AuditFilters } from "./audit-filters";

function details(value: unknown): string {
  if (!value || (typeof value === "object" && Object.keys(value).length === 0)) return "";
  return JSON.stringify(value);
}

function PageLinks({ filters, data }: { filters: Filters; data: AuditPage }) {
  const base = { ...filters, before: undefined, after: undefined };
  const link = (label: string, cursor: Partial<Filters> | null) => (
    <Link
      href={cursor ? `/audit${toSearch({ ...base, ...cursor })}` : "#"}
      aria-disabled={!cursor}
      tabIndex={cursor ? undefined : -1}
      className={cn(buttonClassName("secondary", "sm"), !cursor && "pointer-events-none opacity-40")}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Audit pages" className="mt-3 flex justify-end gap-2">
      {link("Newer", data.newerCursor ? { after: data.newerCursor } : null)}
      {link("Older", data.olderCursor ? { before: data.olderCursor } : null)}
    </nav>
  );
}

export function AuditLog({ filters }: { filters: Filters }) {
  const query = useQuery({
    queryKey: queryKeys.audit.list(filters),
    queryFn: () => apiFetch<AuditPage>(`/api/v1/audit${toSearch(filters)}`),
    placeholderData: keepPreviousData,
  });
  const isFiltered = Object.entries(filters).some(([key, value]) => value && key !== "before" && key !== "after");

  return (
    <div className="space-y-3">
      <AuditFilters filters={filters} />
      {query.isPending ? (
        <TableSkeleton columns={5} rows={8} label="Loading audit events" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title={isFiltered ? "No audit events match these filters" : "No audit events yet"}>
          {isFiltered
            ? "Change or clear the filters."
            : "Every change anyone makes — sign-ins, users, tokens, releases, deployments — is recorded here."}
        </EmptyState>
      ) : (
        <>
          <Table label="Audit events">
            <thead>
              <tr>
                <Th>Time</Th>
                <Th>Actor</Th>
                <Th>Action</Th>
                <Th>Subject</Th>
                <Th>Details</Th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((event) => (
                <Tr key={event.id}>
                  <Td>
                    <Time value={event.createdAt} />
                  </Td>
                  <Td>{event.actorLabel}</Td>
                  <Td className="font-mono text-xs">{event.action}</Td>
                  <Td className="text-xs">
                    {event.subjectType}
                    {event.subjectId ? <span className="ml-1 font-mono text-slate-500">{event.subjectId}</span> : null}
                  </Td>
                  <Td className="max-w-md truncate font-mono text-xs text-slate-600" title={details(event.details)}>
                    {details(event.details)}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
          <PageLinks filters={filters} data={query.data} />
        </>
      )}
    </div>
  );
}
