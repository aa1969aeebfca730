"use client";
// What each alert rule said on a target at its last change: which are judged and quiet, which fire, and which
// cannot be judged (no data, too few requests, a failed query) with the reason, so a rule that can never fire
// is seen before the incident it would have paged for.
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/data/api-fetch";
import { Badge } from "@/components/ui/badge";
import { QueryError } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Time } from "@/components/ui/time";
import { queryKeys } from "@/lib/query-keys";
import type { RuleStates, RuleStateView } from "@/lib/services/alerts/list-rule-states";
import { SeverityBadge } from "./severity-badge";

const STATE: Record<RuleStateView["state"], { label: string; tone: "danger" | "ok" | "warn" }> = {
  firing: { label: "firing", tone: "danger" },
  ok: { label: "ok", tone: "ok" },
  unknown: { label: "cannot judge", tone: "warn" },
};

function summaryOf(items: RuleStateView[]): string {
  const count = (state: RuleStateView["state"]) => items.filter((i) => i.state === state).length;
  const parts = (Object.keys(STATE) as RuleStateView["state"][]).filter((s) => count(s) > 0).map((s) => `${count(s)} ${STATE[s].label}`);
  return `${items.length} rule${items.length === 1 ? "" : "s"}: ${parts.join(", ")}`;
}

export function TargetRuleStates({ targetId }: { targetId: string }) {
  const query = useQuery({
    queryKey: queryKeys.alerts.rulesOfTarget(targetId),
    queryFn: () => apiFetch<RuleStates>(`/api/v1/targets/${encodeURIComponent(targetId)}/alert-rules`),
    refetchInterval: 10_000,
  });
  return (
    <section aria-label="Alert rules on this target" className="mt-3">
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
        Rules{query.data && query.data.items.length > 0 ? ` · ${summaryOf(query.data.items)}` : ""}
      </h3>
      {query.isPending ? (
        <Skeleton className="h-8 w-full" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : !query.data.evaluated ? (
        <p className="text-sm text-slate-600">Not judged: alert rules are judged on targets that serve a revision and are not archived.</p>
      ) : query.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">
          Not judged yet: the alert evaluator judges this target&apos;s rules every interval while it serves a revision.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {query.data.items.map((rule) => (
            <li key={rule.fingerprint} className="flex flex-wrap items-center gap-2 px-3 py-1.5 text-sm">
              <SeverityBadge severity={rule.severity} />
              <span className="font-medium">{rule.name}</span>
              <Badge tone={STATE[rule.state].tone}>{STATE[rule.state].label}</Badge>
              <span className="text-xs text-slate-500">
                since <Time value={rule.since} />
              </span>
              <span className="basis-full text-xs text-slate-600">
                {rule.condition}
                {rule.state === "unknown" ? ` — ${rule.reason}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
