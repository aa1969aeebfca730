"use client";
// Releases, newest first, with service and text filters kept in the URL.
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, toSearch } from "@/components/data/api-fetch";
import { ServiceSelect } from "@/components/data/catalog-select";
import { formValues, useUrlFilters } from "@/components/data/use-url-filters";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input } from "@/components/ui/form";
import { shortDigest } from "@/components/ui/format";
import { Pager } from "@/components/ui/pager";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { queryKeys, type ReleaseFilters } from "@/lib/query-keys";
import type { Page } from "@/lib/schemas/common";
import type { ReleaseSummary } from "@/lib/services/list-releases";

export function ReleasesList({ filters }: { filters: ReleaseFilters }) {
  const setFilters = useUrlFilters();
  const query = useQuery({
    queryKey: queryKeys.releases.list(filters),
    queryFn: () => apiFetch<Page<ReleaseSummary>>(`/api/v1/releases${toSearch(filters)}`),
    placeholderData: keepPreviousData,
  });
  const isFiltered = Boolean(filters.service || filters.q);

  return (
    <div className="space-y-3">
      <form
        key={JSON.stringify(filters)}
        role="search"
        aria-label="Filter releases"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters(formValues(event.currentTarget, ["service", "q"]));
        }}
      >
        <ServiceSelect id="releases-service" name="service" defaultValue={filters.service} className="w-48" />
        <Field id="releases-q" label="Search" className="w-64">
          <Input id="releases-q" name="q" type="search" placeholder="version, image or notes" defaultValue={filters.q ?? ""} />
        </Field>
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
      </form>
      {query.isPending ? (
        <TableSkeleton columns={6} label="Loading releases" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title={isFiltered ? "No releases match these filters" : "No releases yet"}>
          {isFiltered
            ? "Clear or change the filters to see more."
            : "Releases appear here when CI or a person records one through the API."}
        </EmptyState>
      ) : (
        <>
          <Table label="Releases">
            <thead>
              <tr>
                <Th>Service</Th>
                <Th>Version</Th>
                <Th>Artifact</Th>
                <Th>Commit</Th>
                <Th>Author</Th>
                <Th>Created</Th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((r) => (
                <Tr key={r.id}>
                  <Td className="font-medium">{r.service.name}</Td>
                  <Td>
                    <Link href={`/releases/${r.id}`} className="font-mono text-sky-700 hover:underline">
                      {r.version}
                    </Link>
                    {r.hotfix ? (
                      <Badge tone="warn" className="ml-1.5">
                        hotfix
                      </Badge>
                    ) : null}
                    {r.notes ? <p className="mt-0.5 max-w-sm truncate text-xs text-slate-500">{r.notes}</p> : null}
                  </Td>
                  <Td>
                    <div className="max-w-xs truncate font-mono text-xs" title={r.image}>
                      {r.image}
                    </div>
                    <div className="font-mono text-xs text-slate-500" title={r.digest}>
                      {shortDigest(r.digest)}
                    </div>
                  </Td>
                  <Td className="font-mono text-xs">{r.commitSha?.slice(0, 10) ?? "—"}</Td>
                  <Td>{r.author.name}</Td>
                  <Td>
                    <Time value={r.createdAt} />
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
          <Pager
            page={query.data.page}
            pageSize={query.data.pageSize}
            total={query.data.total}
            hrefFor={(page) => `/releases${toSearch({ ...filters, page })}`}
          />
        </>
      )}
    </div>
  );
}
