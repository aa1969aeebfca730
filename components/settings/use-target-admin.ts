"use client";
// Server state of a service's targets in Settings › Services, archived ones included, and their mutations.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/data/api-fetch";
import { queryKeys } from "@/lib/query-keys";
import type { STRATEGIES } from "@/lib/schemas/targets";
import type { TargetView } from "@/lib/services/catalog/target-view";
import { refreshCatalog } from "./use-service-admin";

/** What the target form sends: POST's body (the server fills defaults and checks the provider's configuration). */
export type TargetDraft = {
  serviceId: string;
  environment: string;
  providerType: string;
  providerConfig: Record<string, unknown>;
  defaultStrategy: (typeof STRATEGIES)[number];
  canarySteps: number[];
  stepPauseSeconds: number | null;
  requiresBackup: boolean;
  /** { type: "local" } or a prometheus source as the form describes it; the server checks it */
  metricsSource: Record<string, unknown>;
  /** write-only: text to store, null to remove the stored credentials, absent to keep them */
  credentials?: string | null;
};

/** What an edit sends: the provider type, service and environment of a target stay. */
export type TargetSettings = Omit<TargetDraft, "serviceId" | "environment" | "providerType">;

const targetPath = (id: string) => `/api/v1/targets/${encodeURIComponent(id)}`;

export function useServiceTargets(serviceSlug: string) {
  return useQuery({
    queryKey: queryKeys.targets.ofService(serviceSlug),
    queryFn: () => apiFetch<{ items: TargetView[] }>(`/api/v1/targets?service=${encodeURIComponent(serviceSlug)}&archived=all`),
  });
}

export function useCreateTarget() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (draft: TargetDraft) => apiFetch<TargetView>("/api/v1/targets", { method: "POST", json: draft }),
    onSuccess: () => refreshCatalog(client),
  });
}

export function useUpdateTarget(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TargetSettings) => apiFetch<TargetView>(targetPath(id), { method: "PATCH", json: input }),
    onSuccess: () => refreshCatalog(client),
  });
}

export function useSetTargetArchived() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
      apiFetch<TargetView>(`${targetPath(id)}/${archived ? "archive" : "unarchive"}`, { method: "POST" }),
    onSuccess: () => refreshCatalog(client),
  });
}
