"use client";
// Subscribes to GET /api/v1/deployments/{id}/events and writes what arrives into the deployment's query
// cache: `event` messages append to the timeline, `state` messages replace the live fields. EventSource
// reconnects by itself after a dropped connection (resuming from Last-Event-ID); when the browser gives up
// (an HTTP error), the hook opens a new one after a pause.
import { useEffect, useState } from "react";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import type { DeploymentDetail } from "@/lib/services/rollout/get-deployment";
import type { LiveEvent, LiveState } from "@/lib/services/rollout/read-deployment-changes";

const REOPEN_MS = 2_000;

export type StreamStatus = "idle" | "connecting" | "live" | "reconnecting";

function mergeEvent(client: QueryClient, id: string, event: LiveEvent) {
  // A check finished (or a smoke run began or ended): the smoke panel reads the runs afresh.
  if (event.type === "check_result" || event.type.startsWith("smoke")) {
    void client.invalidateQueries({ queryKey: queryKeys.smokeRuns.ofDeployment(id) });
  }
  // A tick measured (or decided): the analysis panel reads the runs and measurements afresh.
  if (event.type === "measurement" || event.type === "decision") {
    void client.invalidateQueries({ queryKey: queryKeys.analysis.ofDeployment(id) });
  }
  client.setQueryData<DeploymentDetail>(queryKeys.deployments.detail(id), (old) => {
    if (!old || old.events.some((e) => e.id === event.id)) return old;
    const events = [...old.events, event as DeploymentDetail["events"][number]].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    return { ...old, events };
  });
}

function mergeState(client: QueryClient, id: string, live: LiveState) {
  const { isTerminal: _terminal, ...fields } = live;
  client.setQueryData<DeploymentDetail>(queryKeys.deployments.detail(id), (old) =>
    old ? { ...old, ...fields, steps: fields.steps as DeploymentDetail["steps"] } : old,
  );
}

export function useDeploymentStream({ id, enabled }: { id: string; enabled: boolean }): StreamStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>("idle");

  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      setStatus("connecting");
      source = new EventSource(`/api/v1/deployments/${encodeURIComponent(id)}/events`);
      source.onopen = () => setStatus("live");
      source.addEventListener("event", (m) => mergeEvent(client, id, JSON.parse((m as MessageEvent<string>).data) as LiveEvent));
      source.addEventListener("state", (m) => {
        const live = JSON.parse((m as MessageEvent<string>).data) as LiveState;
        mergeState(client, id, live);
        if (live.isTerminal && !live.isActive) {
          source?.close();
          setStatus("idle");
          void client.invalidateQueries({ queryKey: queryKeys.deployments.detail(id) });
          void client.invalidateQueries({ queryKey: queryKeys.smokeRuns.ofDeployment(id) });
          void client.invalidateQueries({ queryKey: queryKeys.analysis.ofDeployment(id) });
        }
      });
      source.onerror = () => {
        setStatus("reconnecting");
        if (source?.readyState !== EventSource.CLOSED) return;
        reopen = setTimeout(open, REOPEN_MS);
      };
    };
    open();
    return () => {
      clearTimeout(reopen);
      source?.close();
      setStatus("idle");
    };
  }, [client, id, enabled]);

  return enabled ? status : "idle";
}
