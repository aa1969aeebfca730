"use client";
// A target's status, polled: its provider's counters only become rates between two samples, and the server
// compares samples at least 2 s apart. Faster while a deployment moves traffic on it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/data/api-fetch";
import { queryKeys } from "@/lib/query-keys";
import type { RollbackInput } from "@/lib/schemas/deployments";
import type { TargetStatusView } from "@/lib/services/rollout/get-target-status";

const ACTIVE_POLL_MS = 2_000;
const IDLE_POLL_MS = 5_000;

export function useTargetStatus(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.targets.status(id ?? ""),
    queryFn: () => apiFetch<TargetStatusView>(`/api/v1/targets/${encodeURIComponent(id!)}`),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data?.activeDeployment ? ACTIVE_POLL_MS : IDLE_POLL_MS),
  });
}

export function useRollback(targetId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RollbackInput) =>
      apiFetch<{ deploymentId: string }>(`/api/v1/targets/${encodeURIComponent(targetId)}/rollback`, { method: "POST", json: input }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.targets.status(targetId) });
      void client.invalidateQueries({ queryKey: queryKeys.deployments.all });
      void client.invalidateQueries({ queryKey: queryKeys.overview });
    },
  });
}
