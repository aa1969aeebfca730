"use client";
// Server state of Settings › Services: services (archived ones included on request), one service, and the
// mutations that refresh every view of the catalog they touch (pickers, Overview, targets).
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/data/api-fetch";
import { queryKeys } from "@/lib/query-keys";
import type { CreateServiceInput, UpdateServiceInput } from "@/lib/schemas/services";
import type { ServiceSummary } from "@/lib/services/list-services";

const servicePath = (id: string) => `/api/v1/services/${encodeURIComponent(id)}`;

export function refreshCatalog(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: queryKeys.services });
  void client.invalidateQueries({ queryKey: queryKeys.targets.all });
  void client.invalidateQueries({ queryKey: queryKeys.overview });
}

export function useServiceList(archived: "false" | "all") {
  return useQuery({
    queryKey: queryKeys.serviceAdmin.list(archived),
    queryFn: () => apiFetch<{ items: ServiceSummary[] }>(`/api/v1/services?archived=${archived}`),
  });
}

export function useService(id: string) {
  return useQuery({ queryKey: queryKeys.serviceAdmin.detail(id), queryFn: () => apiFetch<ServiceSummary>(servicePath(id)) });
}

export function useCreateService() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateServiceInput) => apiFetch<ServiceSummary>("/api/v1/services", { method: "POST", json: input }),
    onSuccess: () => refreshCatalog(client),
  });
}

export function useUpdateService(id: string) {
  const client = useQueryClient();
  return useMutation({
    // The analysis, objectives and alert-rule editors send their drafts as typed (an emptied number is null) for the server to judge.
    mutationFn: (input: UpdateServiceInput | Partial<Record<"analysis" | "slos", Record<string, unknown>> & { alertRules?: unknown[] }>) =>
      apiFetch<ServiceSummary>(servicePath(id), { method: "PATCH", json: input }),
    onSuccess: () => refreshCatalog(client),
  });
}

export function useSetServiceArchived(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) =>
      apiFetch<ServiceSummary>(`${servicePath(id)}/${archived ? "archive" : "unarchive"}`, { method: "POST" }),
    onSuccess: () => refreshCatalog(client),
  });
}
