"use client";
// Server state of the API tokens page.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/data/api-fetch";
import { queryKeys } from "@/lib/query-keys";
import type { CreateTokenInput } from "@/lib/schemas/tokens";
import type { ApiTokenView } from "@/lib/services/list-api-tokens";

export function useTokens() {
  return useQuery({ queryKey: queryKeys.tokens, queryFn: () => apiFetch<{ items: ApiTokenView[] }>("/api/v1/tokens") });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTokenInput) => apiFetch<ApiTokenView & { token: string }>("/api/v1/tokens", { method: "POST", json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<ApiTokenView>(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}
