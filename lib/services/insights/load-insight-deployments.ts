// The targets an Insights scope covers and every deployment the figures of its range need: those that
// finished at or after `from`, or that still run (so the rollbacks and recoveries after a deploy are there).
import { AppError } from "@/lib/api/app-error";
import { db } from "@/lib/db";
import type { InsightDeployment } from "@/lib/domain/insights/insight-types";

export type InsightTarget = {
  id: string;
  service: { slug: string; name: string };
  environment: { slug: string; name: string; isProduction: boolean; promotionOrder: number };
};

const unknown = (field: string, what: string) =>
  new AppError("validation", `There is no ${what} with that slug.`, { fields: [{ path: `query.${field}`, message: `unknown ${what}` }] });

/** The scope's targets, archived ones included: what was delivered stays delivered. */
export async function loadInsightTargets({ service, environment }: { service?: string; environment?: string }): Promise<InsightTarget[]> {
  const [serviceRow, environmentRow] = await Promise.all([
    service ? db.service.findUnique({ where: { slug: service }, select: { id: true } }) : null,
    environment ? db.environment.findUnique({ where: { slug: environment }, select: { id: true } }) : null,
  ]);
  if (service && !serviceRow) throw unknown("service", "service");
  if (environment && !environmentRow) throw unknown("environment", "environment");
  return db.target.findMany({
    where: {
      ...(serviceRow ? { serviceId: serviceRow.id } : {}),
      ...(environmentRow ? { environmentId: environmentRow.id } : { environment: { isProduction: true } }),
    },
    select: {
      id: true,
      service: { select: { slug: true, name: true } },
      environment: { select: { slug: true, name: true, isProduction: true, promotionOrder: true } },
    },
  });
}

export async function loadInsightDeployments({ targetIds, from }: { targetIds: string[]; from: Date }): Promise<InsightDeployment[]> {
  if (targetIds.length === 0) return [];
  const rows = await db.deployment.findMany({
    where: { targetId: { in: targetIds }, OR: [{ finishedAt: { gte: from } }, { finishedAt: null }] },
    select: {
      id: true,
      targetId: true,
      kind: true,
      state: true,
      revision: true,
      replacesRevision: true,
      rollbackOfId: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      release: { select: { committedAt: true } },
    },
  });
  // When a failed deploy's step failed: its first error event (the engine writes one as it starts reverting).
  const failedIds = rows.filter((d) => d.state === "rolled_back" || d.state === "failed").map((d) => d.id);
  const firstErrors =
    failedIds.length === 0
      ? []
      : await db.deploymentEvent.groupBy({
          by: ["deploymentId"],
          where: { deploymentId: { in: failedIds }, type: "error" },
          _min: { createdAt: true },
        });
  const firstErrorOf = new Map(firstErrors.map((e) => [e.deploymentId, e._min.createdAt]));
  return rows.map(({ release, ...d }) => ({ ...d, committedAt: release.committedAt, firstErrorAt: firstErrorOf.get(d.id) ?? null }));
}
