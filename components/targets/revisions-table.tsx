"use client";
// What the provider runs now: each revision's state, readiness, traffic, and its request rate, error rate
// and p95 latency through the proxy over the last few seconds. Kubernetes adds its own revision numbers
// (the ReplicaSet history a rollback restores from) and how canary weights are applied.
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { ProviderView } from "@/lib/services/rollout/get-target-status";
import { formatMs, formatRate, formatShare } from "./format-rates";

type Props = { provider: ProviderView; highlight?: string | null; label?: string };

export function RevisionsTable({ provider, highlight, label = "Revisions" }: Props) {
  if ("error" in provider) {
    return (
      <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {provider.error}
      </p>
    );
  }
  if (provider.lost)
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        The provider lost this target: {provider.lost}
      </p>
    );
  if (provider.revisions.length === 0)
    return <EmptyState title="Nothing runs on this target">Its first deployment starts a revision.</EmptyState>;
  const rates = new Map(provider.metrics.map((m) => [m.revision, m]));
  return (
    <div className="space-y-2">
      {provider.routing ? (
        <p className="text-xs text-slate-600">
          <span className="font-semibold text-slate-700">Traffic routing:</span> {provider.routing.detail}
        </p>
      ) : null}
      <Table label={label}>
        <thead>
          <tr>
            <Th>Revision</Th>
            <Th>Version</Th>
            <Th>State</Th>
            <Th className="text-right">Traffic</Th>
            <Th className="text-right">Requests</Th>
            <Th className="text-right">Errors (5xx)</Th>
            <Th className="text-right">p95</Th>
          </tr>
        </thead>
        <tbody>
          {provider.revisions.map((r) => {
            const m = rates.get(r.name);
            return (
              <Tr key={r.name} className={r.name === highlight ? "bg-sky-50/60" : undefined}>
                <Td className="font-mono text-xs">
                  {r.name}
                  {r.name === highlight ? (
                    <Badge tone="info" className="ml-1.5">
                      this deployment
                    </Badge>
                  ) : null}
                  {r.platformRevision ? <span className="ml-1.5 text-slate-500">rev {r.platformRevision}</span> : null}
                  {r.restorable && r.state === "stopped" ? (
                    <Badge tone="neutral" className="ml-1.5" title={r.reason}>
                      in history
                    </Badge>
                  ) : null}
                </Td>
                <Td className="font-mono">{r.version}</Td>
                <Td>
                  <Badge tone={r.healthy ? "ok" : r.state === "stopped" ? "neutral" : "danger"} title={r.reason}>
                    {r.state}
                    {r.state === "running" && !r.ready ? " · not ready" : ""}
                  </Badge>
                </Td>
                <Td className="text-right tabular-nums">{r.traffic}%</Td>
                <Td className="text-right whitespace-nowrap tabular-nums" title={m ? `${m.totalRequests} since start` : undefined}>
                  {formatRate(m?.requestRate)}
                </Td>
                <Td className={`text-right tabular-nums ${m?.errorRate ? "text-red-700" : ""}`}>{formatShare(m?.errorRate)}</Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{formatMs(m?.p95Ms)}</Td>
              </Tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
