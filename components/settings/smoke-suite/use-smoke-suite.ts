"use client";
// Server state of a service's smoke suite and secrets: the suite as stored (validated on read), its
// replacement, and the write-only secrets its headers may reference.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/data/api-fetch";
import { queryKeys } from "@/lib/query-keys";
import type { ServiceSecretView } from "@/lib/schemas/service-secrets";
import type { SmokeSuite } from "@/lib/smoke/smoke-suite-schema";

const servicePath = (id: string) => `/api/v1/services/${encodeURIComponent(id)}`;

export function useSmokeSuite(serviceId: string) {
  return useQuery({
    queryKey: queryKeys.serviceAdmin.smokeSuite(serviceId),
    queryFn: () => apiFetch<SmokeSuite>(`${servicePath(serviceId)}/smoke-suite`),
  });
}

export function useSaveSmokeSuite(serviceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: unknown) => apiFetch<SmokeSuite>(`${servicePath(serviceId)}/smoke-suite`, { method: "PUT", json: input }),
    onSuccess: (suite) => {
      client.setQueryData(queryKeys.serviceAdmin.smokeSuite(serviceId), suite);
      void client.invalidateQueries({ queryKey: queryKeys.services });
      void client.invalidateQueries({ queryKey: queryKeys.releases.all });
    },
  });
}

export function useServiceSecrets(serviceId: string) {
  return useQuery({
    queryKey: queryKeys.serviceAdmin.secrets(serviceId),
    queryFn: () => apiFetch<{ items: ServiceSecretView[] }>(`${servicePath(serviceId)}/secrets`),
  });
}

export function useSetServiceSecret(serviceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, value }: { name: string; value: string }) =>
      apiFetch<ServiceSecretView>(`${servicePath(serviceId)}/secrets/${encodeURIComponent(name)}`, { method: "PUT", json: { value } }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.serviceAdmin.secrets(serviceId) }),
  });
}

export function useDeleteServiceSecret(serviceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      apiFetch<{ deleted: string }>(`${servicePath(serviceId)}/secrets/${encodeURIComponent(name)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.serviceAdmin.secrets(serviceId) }),
  });
}
