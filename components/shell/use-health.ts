"use client";
// Polls GET /api/v1/health. A 503 is an answer (what is down), not a failed query, so it lands in `data`.
import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";

export type HealthCheck = { ok: boolean; error?: string } & Record<string, unknown>;
export type Health = {
  status: "ok" | "degraded" | "unreachable";
  down: string[];
  checks: Record<string, HealthCheck>;
};

export const HEALTH_POLL_MS = 10_000;

async function fetchHealth(): Promise<Health> {
  let response: Response;
  try {
    response = await fetch("/api/v1/health", { cache: "no-store", headers: { accept: "application/json" } });
  } catch {
    return {
      status: "unreachable",
      down: ["flightdeck"],
      checks: { flightdeck: { ok: false, error: "Flightdeck's server did not answer. Check that it is running and reachable." } },
    };
  }
  if (response.status === 503) {
    const body = (await response.json().catch(() => ({}))) as Partial<Health>;
    return { status: "degraded", down: body.down ?? [], checks: body.checks ?? {} };
  }
  // 200, or anything else (e.g. no health route yet): nothing to warn about from here.
  return { status: "ok", down: [], checks: {} };
}

export function useHealth() {
  return useQuery({
    queryKey: queryKeys.health,
    queryFn: fetchHealth,
    refetchInterval: HEALTH_POLL_MS,
    refetchIntervalInBackground: true,
    retry: false,
    staleTime: 0,
  });
}
