"use client";
// The SLO page's server data: every target's SLOs and budget (GET /api/v1/slos), and one target's chart
// series (GET /api/v1/targets/{id}/sli), refreshed each minute as new rollups land.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, toSearch } from "@/components/data/api-fetch";
import { queryKeys, type SloFilters } from "@/lib/query-keys";
import type { Page } from "@/lib/schemas/common";
import type { SliRange } from "@/lib/schemas/slos";
import type { SliSeries } from "@/lib/services/sli/get-sli-series";
import type { TargetSlo } from "@/lib/services/sli/list-slos";

const REFRESH_MS = 60_000;

export function useSlos(filters: SloFilters) {
  return useQuery({
    queryKey: queryKeys.slos.list(filters),
    queryFn: () => apiFetch<Page<TargetSlo>>(`/api/v1/slos${toSearch(filters)}`),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

export function useSliSeries(targetId: string, range: SliRange) {
  return useQuery({
    queryKey: queryKeys.slos.series(targetId, range),
    queryFn: () => apiFetch<SliSeries>(`/api/v1/targets/${encodeURIComponent(targetId)}/sli?range=${range}`),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}
