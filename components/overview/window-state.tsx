"use client";
// Whether an environment's deployment window is open, and when it next opens or closes — shown on the
// Overview for every environment, refreshed every minute.
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/data/api-fetch";
import { Badge } from "@/components/ui/badge";
import { queryKeys } from "@/lib/query-keys";
import type { WindowView } from "@/lib/services/gates/to-window-view";

const TONE = { open: "ok", closed: "warn", frozen: "danger" } as const;

export function WindowState({ slug }: { slug: string }) {
  const query = useQuery({
    queryKey: queryKeys.environmentWindow(slug),
    queryFn: () => apiFetch<WindowView>(`/api/v1/environments/${slug}/window`),
    refetchInterval: 60_000,
  });
  if (!query.data) return null;
  return (
    <span className="mt-1 flex flex-wrap items-center gap-1.5 font-normal tracking-normal normal-case" data-testid={`window-${slug}`}>
      <Badge tone={TONE[query.data.state]}>{query.data.state}</Badge>
      <span className="text-xs text-slate-500">{query.data.description}</span>
    </span>
  );
}
