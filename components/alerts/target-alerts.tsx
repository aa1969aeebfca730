"use client";
// A target's unresolved alerts, on its page: what is firing there, since when, and whether someone is on it.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/data/api-fetch";
import { Badge } from "@/components/ui/badge";
import { QueryError } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Time } from "@/components/ui/time";
import { queryKeys } from "@/lib/query-keys";
import type { AlertList } from "@/lib/services/alerts/list-alerts";
import { SeverityBadge } from "./severity-badge";

export function TargetAlerts({ targetId }: { targetId: string }) {
  const query = useQuery({
    queryKey: queryKeys.alerts.ofTarget(targetId),
    queryFn: () => apiFetch<AlertList>(`/api/v1/alerts?targetId=${encodeURIComponent(targetId)}&state=unresolved&pageSize=20`),
    refetchInterval: 10_000,
  });
  return (
    <section aria-label="Alerts on this target">
      <h2 className="mb-2 text-sm font-semibold text-slate-900">Alerts</h2>
      {query.isPending ? (
        <Skeleton className="h-10 w-full" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing is firing on this target.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-red-200 bg-white">
          {query.data.items.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
              <SeverityBadge severity={a.severity} />
              <span className="font-medium">{a.name}</span>
              {a.summary ? <span className="text-slate-600">{a.summary}</span> : null}
              <span className="text-xs text-slate-500">
                since <Time value={a.startedAt} />
              </span>
              {a.state === "acknowledged" ? <Badge tone="warn">acknowledged by {a.acknowledgedBy?.name ?? "someone"}</Badge> : null}
            </li>
          ))}
        </ul>
      )}
      {query.data && query.data.items.length > 0 ? (
        <Link href="/alerts" className="mt-1 inline-block text-xs text-sky-700 hover:underline">
          All alerts
        </Link>
      ) : null}
    </section>
  );
}
