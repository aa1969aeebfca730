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

type DeploymentRow = Omit<InsightDeployment, "kind"> & { kind: string };

/** One query, whatever the number of targets: each failed deploy's first error event (when its step failed;
 *  the engine writes one as it starts reverting) comes from a partial index of error events. */
export async function loadInsightDeployments({ targetIds, from }: { targetIds: string[]; from: Date }): Promise<InsightDeployment[]> {
  if (targetIds.length === 0) return [];
  const rows = await db.$queryRaw<DeploymentRow[]>`
    SELECT d.id, d."targetId", d.kind::text AS kind, d.state::text AS state, d.revision, d."replacesRevision",
           d."rollbackOfId", d."createdAt", d."startedAt", d."finishedAt", r."committedAt",
           CASE WHEN d.state IN ('rolled_back', 'failed') THEN (
             SELECT min(e."createdAt") FROM "DeploymentEvent" e WHERE e."deploymentId" = d.id AND e.type = 'error'
           ) END AS "firstErrorAt"
    FROM "Deployment" d JOIN "Release" r ON r.id = d."releaseId"
    WHERE d."targetId" = ANY(${targetIds}::text[]) AND (d."finishedAt" >= ${from} OR d."finishedAt" IS NULL)`;
  return rows.map((row) => ({ ...row, kind: row.kind === "rollback" ? "rollback" : "deploy" }));
}
