"use client";
// Server state of smoke runs: a deployment's runs (kept live by its event stream), one run polled until it
// finishes, a service's history, and starting a run now (Re-run).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, toSearch } from "@/components/data/api-fetch";
import { queryKeys } from "@/lib/query-keys";
import type { SmokeRunView } from "@/lib/services/smoke/smoke-run-view";

const POLL_MS = 1_000;

export function useDeploymentSmokeRuns(deploymentId: string) {
  return useQuery({
    queryKey: queryKeys.smokeRuns.ofDeployment(deploymentId),
    queryFn: () => apiFetch<{ items: SmokeRunView[] }>(`/api/v1/deployments/${encodeURIComponent(deploymentId)}/smoke-runs`),
    // The stream refreshes this on check_result events; polling covers a run that is still going between them.
    refetchInterval: (query) => (query.state.data?.items.some((run) => run.status === "running") ? POLL_MS * 2 : false),
  });
}

export function useSmokeRun(id: string | null) {
  return useQuery({
    queryKey: queryKeys.smokeRuns.detail(id ?? ""),
    queryFn: () => apiFetch<SmokeRunView>(`/api/v1/smoke-runs/${encodeURIComponent(id ?? "")}`),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && query.state.data.status !== "running" ? false : POLL_MS),
  });
}

export function useSmokeRunHistory(filters: { service?: string; target?: string }) {
  return useQuery({
    queryKey: queryKeys.smokeRuns.list(filters),
    queryFn: () => apiFetch<{ items: SmokeRunView[] }>(`/api/v1/smoke-runs${toSearch({ ...filters, limit: 20 })}`),
  });
}

export function useStartSmokeRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (targetId: string) => apiFetch<{ id: string }>("/api/v1/smoke-runs", { method: "POST", json: { targetId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.smokeRuns.all }),
  });
}
