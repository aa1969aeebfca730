// A target's past from Postgres: the revisions that served it (succeeded deployments), its recent
// deployments, and how often its service was rolled back lately (change failure).
import { db } from "@/lib/db";

const CHANGE_FAILURE_DAYS = 30;

export type RevisionHistoryEntry = {
  deploymentId: string;
  revision: string;
  version: string;
  kind: "deploy" | "rollback";
  finishedAt: string | null;
  isCurrent: boolean;
};

export type TargetDeployment = {
  id: string;
  kind: "deploy" | "rollback";
  state: string;
  strategy: string;
  version: string;
  trafficPercent: number;
  startedBy: string | null;
  createdAt: string;
  finishedAt: string | null;
};

async function loadRevisionHistory(targetId: string, currentRevision: string | null): Promise<RevisionHistoryEntry[]> {
  const rows = await db.deployment.findMany({
    where: { targetId, state: "succeeded", revision: { not: null } },
    orderBy: { finishedAt: "desc" },
    take: 20,
    select: { id: true, revision: true, kind: true, finishedAt: true, release: { select: { version: true } } },
  });
  // A revision served again after a rollback appears twice; only its latest entry is the current one.
  const currentIndex = rows.findIndex((r) => r.revision === currentRevision);
  return rows.map((r, i) => ({
    deploymentId: r.id,
    revision: r.revision!,
    version: r.release.version,
    kind: r.kind,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    isCurrent: i === currentIndex,
  }));
}

async function loadRecentDeployments(targetId: string): Promise<TargetDeployment[]> {
  const rows = await db.deployment.findMany({
    where: { targetId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 10,
    select: {
      id: true,
      kind: true,
      state: true,
      strategy: true,
      trafficPercent: true,
      createdAt: true,
      finishedAt: true,
      release: { select: { version: true } },
      startedBy: { select: { name: true } },
    },
  });
  return rows.map((d) => ({
    id: d.id,
    kind: d.kind,
    state: d.state,
    strategy: d.strategy,
    version: d.release.version,
    trafficPercent: d.trafficPercent,
    startedBy: d.startedBy?.name ?? null,
    createdAt: d.createdAt.toISOString(),
    finishedAt: d.finishedAt?.toISOString() ?? null,
  }));
}

export async function getTargetHistory({
  targetId,
  serviceId,
  currentRevision,
  now = new Date(),
}: {
  targetId: string;
  serviceId: string;
  currentRevision: string | null;
  now?: Date;
}) {
  const since = new Date(now.getTime() - CHANGE_FAILURE_DAYS * 24 * 3600_000);
  const [revisions, deployments, rollbacks] = await Promise.all([
    loadRevisionHistory(targetId, currentRevision),
    loadRecentDeployments(targetId),
    db.deployment.count({ where: { kind: "rollback", createdAt: { gte: since }, target: { serviceId } } }),
  ]);
  return { revisions, deployments, changeFailure: { rollbacks, days: CHANGE_FAILURE_DAYS } };
}
