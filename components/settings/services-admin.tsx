"use client";
// Settings › Services: the catalog with a search box and the archived services on request; each row opens
// the service's page (details, targets, archive).
import { useState } from "react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/form";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { ServiceSummary } from "@/lib/services/list-services";
import { NewServiceButton } from "./new-service-button";
import { useServiceList } from "./use-service-admin";

function matches(service: ServiceSummary, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  return [service.slug, service.name, service.owner ?? "", service.repository ?? ""].some((value) => value.toLowerCase().includes(needle));
}

function ServiceRows({ services }: { services: ServiceSummary[] }) {
  return (
    <Table label="Services">
      <thead>
        <tr>
          <Th>Service</Th>
          <Th>Owner</Th>
          <Th>Repository</Th>
          <Th>Targets</Th>
        </tr>
      </thead>
      <tbody>
        {services.map((service) => (
          <Tr key={service.id} data-testid={`service-row-${service.slug}`}>
            <Td>
              <Link href={`/settings/services/${service.id}`} className="font-medium text-sky-700 hover:underline">
                {service.name}
              </Link>
              <span className="ml-2 font-mono text-xs text-slate-500">{service.slug}</span>
              {service.archivedAt ? <Badge className="ml-2">archived</Badge> : null}
            </Td>
            <Td>{service.owner ?? "—"}</Td>
            <Td className="font-mono text-xs">{service.repository ?? "—"}</Td>
            <Td className="text-xs text-slate-600">{service.environments.join(", ") || "none yet"}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

export function ServicesAdmin() {
  const [search, setSearch] = useState("");
  const [showArchived, setShowArchived] = useState(false);
  const services = useServiceList(showArchived ? "all" : "false");
  const shown = services.data?.items.filter((s) => matches(s, search)) ?? [];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Input
          type="search"
          aria-label="Search services"
          placeholder="Search by name, slug, owner or repository"
          className="max-w-sm"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" className="size-4" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
          Show archived
        </label>
        <div className="ml-auto">
          <NewServiceButton />
        </div>
      </div>
      {services.isPending ? (
        <TableSkeleton columns={4} label="Loading services" />
      ) : services.isError ? (
        <QueryError error={services.error} onRetry={() => services.refetch()} />
      ) : services.data.items.length === 0 ? (
        <EmptyState title={showArchived ? "No services yet" : "No active services"}>
          Onboard one with New service, then give it a target per environment.
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState title={`No service matches “${search.trim()}”`}>
          {showArchived ? "Try another search." : "Try another search, or include archived services."}
        </EmptyState>
      ) : (
        <ServiceRows services={shown} />
      )}
    </div>
  );
}
