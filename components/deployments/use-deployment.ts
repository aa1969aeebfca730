"use client";
// One deployment through TanStack Query, kept live by its event stream, and the rollout controls.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/data/api-fetch";
import { queryKeys } from "@/lib/query-keys";
import type { DeploymentControl } from "@/lib/schemas/deployments";
import type { DeploymentDetail } from "@/lib/services/rollout/get-deployment";
import { useDeploymentStream } from "./use-deployment-stream";

export function useDeployment(id: string) {
  const query = useQuery({
    queryKey: queryKeys.deployments.detail(id),
    queryFn: () => apiFetch<DeploymentDetail>(`/api/v1/deployments/${encodeURIComponent(id)}`),
  });
  const isLive = Boolean(query.data?.isActive);
  const stream = useDeploymentStream({ id, enabled: isLive });
  return { query, stream };
}

export function useControlDeployment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (control: DeploymentControl) =>
      apiFetch<{ id: string; state: string }>(`/api/v1/deployments/${encodeURIComponent(id)}/${control}`, { method: "POST" }),
    // The stream brings the change too; the refetch covers a stream that is reconnecting.
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.deployments.detail(id) }),
  });
}
