// The provider's side of the control API: one small HTTP client per supervisor. Failures come back as
// AppErrors — the supervisor's own code when it refused, `unavailable` when it could not be reached.
import { AppError, type AppErrorCode } from "@/lib/api/app-error";
import type { RevisionStatus, TargetMetrics } from "../types";
import type { SetTrafficBody, StartRevisionBody } from "./control-schemas";
import type { TargetWindow } from "./read-target-window";

// Every control call is local and quick; a supervisor that takes longer is treated as unreachable.
const CONTROL_TIMEOUT_MS = 10_000;

export type SupervisorStatus = {
  targetId: string;
  pid: number;
  watchdogPid: number | null;
  startedAt: string;
  url: string;
  revisions: RevisionStatus[];
  weights: Record<string, number>;
};

export type SupervisorClient = {
  status: () => Promise<SupervisorStatus>;
  startRevision: (body: StartRevisionBody) => Promise<RevisionStatus>;
  setTraffic: (body: SetTrafficBody) => Promise<SupervisorStatus>;
  stopRevision: (name: string) => Promise<void>;
  metrics: () => Promise<TargetMetrics>;
  /** Each revision over the `seconds` up to `endMs` (default: now). Read-only. */
  window: (options: { seconds: number; endMs?: number }) => Promise<TargetWindow>;
  shutdown: () => Promise<void>;
};

export function createSupervisorClient({ port, token, targetId }: { port: number; token: string; targetId: string }): SupervisorClient {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(`http://127.0.0.1:${port}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(CONTROL_TIMEOUT_MS),
      });
    } catch (error) {
      throw new AppError(
        "unavailable",
        `The local supervisor of target ${targetId} did not answer on port ${port}: ${(error as Error).message}`,
      );
    }
    if (res.status === 204) return undefined as T;
    const json = (await res.json().catch(() => ({}))) as { error?: { code: AppErrorCode; message: string } };
    if (!res.ok) throw new AppError(json.error?.code ?? "internal", json.error?.message ?? `supervisor answered ${res.status}`);
    return json as T;
  };
  return {
    status: () => call("GET", "/status"),
    startRevision: (body) => call("POST", "/revisions", body),
    setTraffic: (body) => call("PUT", "/traffic", body),
    stopRevision: (name) => call("DELETE", `/revisions/${encodeURIComponent(name)}`),
    metrics: () => call("GET", "/metrics"),
    window: ({ seconds, endMs }) =>
      call("GET", `/metrics/window?seconds=${seconds}${endMs === undefined ? "" : `&end=${Math.round(endMs)}`}`),
    shutdown: () => call("POST", "/shutdown"),
  };
}
