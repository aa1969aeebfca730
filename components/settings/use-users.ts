"use client";
// Server state of the users page: the list, and the create / update / end-sessions mutations that refresh it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/data/api-fetch";
import { queryKeys } from "@/lib/query-keys";
import type { CreateUserInput, UpdateUserInput } from "@/lib/schemas/users";
import type { UserListItem, UserView } from "@/lib/services/list-users";

export function useUsers() {
  return useQuery({ queryKey: queryKeys.users, queryFn: () => apiFetch<{ items: UserListItem[] }>("/api/v1/users") });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => apiFetch<UserView>("/api/v1/users", { method: "POST", json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUserInput & { id: string; email: string }) =>
      apiFetch<UserView>(`/api/v1/users/${encodeURIComponent(id)}`, {
        method: "PATCH",
        json: { role: input.role, disabled: input.disabled, name: input.name },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

export function useEndSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string; email: string }) =>
      apiFetch<{ ended: number }>(`/api/v1/users/${encodeURIComponent(id)}/sessions`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
