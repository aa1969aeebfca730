"use client";
// Asks the server to try a target's configuration and credentials on its platform (nothing changes there).
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/components/data/api-fetch";
import type { ConnectionReport } from "@/lib/providers/types";

/** The form's draft: the stored credentials of `targetId` stand in when it sends none. */
export type ConnectionDraft = {
  providerType: string;
  providerConfig: Record<string, unknown>;
  credentials?: string;
  targetId?: string;
};

export function useTestConnection() {
  return useMutation({
    mutationFn: (draft: ConnectionDraft) => apiFetch<ConnectionReport>("/api/v1/targets/test-connection", { method: "POST", json: draft }),
  });
}
