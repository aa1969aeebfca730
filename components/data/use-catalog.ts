"use client";
// The service and environment catalogs, shared by every filter that offers them as choices.
import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import type { EnvironmentSummary } from "@/lib/services/list-environments";
import type { ServiceSummary } from "@/lib/services/list-services";
import { apiFetch } from "./api-fetch";

export function useServices() {
  return useQuery({
    queryKey: queryKeys.services,
    queryFn: () => apiFetch<{ items: ServiceSummary[] }>("/api/v1/services"),
    staleTime: 60_000,
  });
}

export function useEnvironments() {
  return useQuery({
    queryKey: queryKeys.environments,
    queryFn: () => apiFetch<{ items: EnvironmentSummary[] }>("/api/v1/environments"),
    staleTime: 60_000,
  });
}
