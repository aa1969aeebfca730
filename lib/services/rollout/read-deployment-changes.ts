// Reads of a deployment for its live feed: new timeline events and the live state. Postgres is
// the truth, so a stream served by any app process sees what any worker wrote.
import { AppError } from "@/lib/api/app-error";
import { db, type DeploymentState } from "@/lib/db";
import type { RolloutStep } from "@/lib/domain/plan-rollout";
import { isTerminal } from "@/lib/domain/rollout-lifecycle";

export type LiveEvent = { id: string; type: string; message: string; data: unknown; createdAt: string };

/** The part of GET /deployments/{id} that moves while a rollout runs; the client merges it into its cache. */
export type LiveState = {
  state: DeploymentState;
  currentStep: number;
  trafficPercent: number;
  pausedReason: string | null;
  resumeAt: string | null;
  error: string | null;
  isActive: boolean;
  isTerminal: boolean;
  startedAt: string | null;
  finishedAt: string | null;
  steps: (RolloutStep & { index: number; status: "done" | "current" | "pending" })[];
};

export async function readLiveState(id: string): Promise<LiveState> {
  const d = await db.deployment.findUnique({
    where: { id },
    select: {
      state: true,
      currentStep: true,
      trafficPercent: true,
      pausedReason: true,
      resumeAt: true,
      error: true,
      activeTargetId: true,
      startedAt: true,
      finishedAt: true,
      plan: true,
    },
  });
  if (!d) throw new AppError("not_found", `There is no deployment ${id}.`);
  const isActive = d.activeTargetId !== null;
  // Same rule as getDeployment, so a streamed state and a fetched one agree.
  const steps = (d.plan as RolloutStep[]).map((step, index) => ({
    ...step,
    index,
    status: index < d.currentStep ? ("done" as const) : index === d.currentStep && isActive ? ("current" as const) : ("pending" as const),
  }));
  return {
    state: d.state,
    currentStep: d.currentStep,
    trafficPercent: d.trafficPercent,
    pausedReason: d.pausedReason,
    resumeAt: d.resumeAt?.toISOString() ?? null,
    error: d.error,
    isActive,
    isTerminal: isTerminal(d.state),
    startedAt: d.startedAt?.toISOString() ?? null,
    finishedAt: d.finishedAt?.toISOString() ?? null,
    steps,
  };
}

/** The most events one read returns; a longer timeline is read page by page. */
export const EVENT_PAGE = 500;

export async function readEventsAfter(id: string, afterId: bigint): Promise<LiveEvent[]> {
  const rows = await db.deploymentEvent.findMany({
    where: { deploymentId: id, id: { gt: afterId } },
    orderBy: { id: "asc" },
    take: EVENT_PAGE,
  });
  return rows.map((e) => ({ id: e.id.toString(), type: e.type, message: e.message, data: e.data, createdAt: e.createdAt.toISOString() }));
}

/** A cheap fingerprint of what the page shows from the state, to send a `state` event only on change. */
export function liveStateKey(s: LiveState): string {
  return [s.state, s.currentStep, s.trafficPercent, s.pausedReason, s.resumeAt, s.error, s.isActive].join("|");
}

/** Where a live feed of the deployment starts reading: the newest event id older than `lateCommitMs`, so the
 *  first read covers events whose transactions are still committing. */
export async function readRecentEventFloor(id: string, lateCommitMs: number): Promise<bigint> {
  const row = await db.deploymentEvent.aggregate({
    where: { deploymentId: id, createdAt: { lt: new Date(Date.now() - lateCommitMs) } },
    _max: { id: true },
  });
  return row._max.id ?? 0n;
}
