"use client";
// Each service's SLO targets as configured. Live values and error budgets arrive with the metrics integration.
import { useServices } from "@/components/data/use-catalog";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";

const OBJECTIVES: { key: string; label: string; format: (v: number) => string }[] = [
  { key: "uptimePercent", label: "Uptime", format: (v) => `> ${v}%` },
  { key: "p95Ms", label: "p95 latency", format: (v) => `< ${v} ms` },
  { key: "p99Ms", label: "p99 latency", format: (v) => `< ${v} ms` },
  { key: "errorRatePercent", label: "Error rate", format: (v) => `< ${v}%` },
  { key: "memoryPercent", label: "Memory", format: (v) => `< ${v}%` },
  { key: "cpuPercent", label: "CPU", format: (v) => `< ${v}%` },
];

function objective(slos: Record<string, unknown>, key: string, format: (v: number) => string) {
  const value = slos[key];
  return typeof value === "number" ? format(value) : <span className="text-slate-400">not set</span>;
}

export function SloTargets() {
  const query = useServices();
  if (query.isPending) return <TableSkeleton columns={7} label="Loading SLO targets" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  if (query.data.items.length === 0)
    return (
      <EmptyState title="No services yet — an admin adds them in Settings">Each service gets SLO targets when it is added.</EmptyState>
    );
  return (
    <Table label="SLO targets">
      <thead>
        <tr>
          <Th>Service</Th>
          {OBJECTIVES.map((o) => (
            <Th key={o.key}>{o.label}</Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {query.data.items.map((service) => (
          <Tr key={service.id}>
            <Td className="font-medium">
              {service.name}
              <div className="font-mono text-xs font-normal text-slate-500">{service.slug}</div>
            </Td>
            {OBJECTIVES.map((o) => (
              <Td key={o.key} className="tabular-nums">
                {objective(service.slos, o.key, o.format)}
              </Td>
            ))}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
