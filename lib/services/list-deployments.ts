// Deployments, newest first, filtered by state, kind, service, environment, ids, the finish time, or the
// Insights figure that counts them.
import { db, type Prisma } from "@/lib/db";
import type { Page } from "@/lib/schemas/common";
import type { ListDeploymentsQuery } from "@/lib/schemas/deployments";
import { selectInsightIds } from "./insights/select-insight-ids";

export type DeploymentSummary = {
  id: string;
  kind: "deploy" | "rollback";
  strategy: string;
  state: string;
  trafficPercent: number;
  release: { id: string; version: string; hotfix: boolean };
  service: { slug: string; name: string };
  environment: { slug: string; name: string; isProduction: boolean };
  startedBy: string | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

/** The id and time conditions: explicit ids, an Insights figure's deployments (its own scope and range), or
 *  deployments finished within from–to. */
async function idAndTimeWhere(query: ListDeploymentsQuery): Promise<Prisma.DeploymentWhereInput[]> {
  const conditions: Prisma.DeploymentWhereInput[] = [];
  if (query.ids) conditions.push({ id: { in: query.ids } });
  if (query.insight) {
    conditions.push({ id: { in: await selectInsightIds({ set: query.insight, scope: query, now: new Date() }) } });
  } else if (query.from || query.to) {
    conditions.push({ finishedAt: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: query.to } : {}) } });
  }
  return conditions;
}

export async function listDeployments(query: ListDeploymentsQuery): Promise<Page<DeploymentSummary>> {
  const target: Prisma.TargetWhereInput = {
    ...(query.service ? { service: { slug: query.service } } : {}),
    ...(query.environment ? { environment: { slug: query.environment } } : {}),
  };
  const where: Prisma.DeploymentWhereInput = {
    ...(query.state ? { state: query.state } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.service || query.environment ? { target } : {}),
    AND: await idAndTimeWhere(query),
  };
  const [total, deployments] = await Promise.all([
    db.deployment.count({ where }),
    db.deployment.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: {
        release: { select: { id: true, version: true, hotfix: true } },
        target: {
          select: {
            service: { select: { slug: true, name: true } },
            environment: { select: { slug: true, name: true, isProduction: true } },
          },
        },
        startedBy: { select: { name: true } },
      },
    }),
  ]);
  const items = deployments.map((d) => ({
    id: d.id,
    kind: d.kind,
    strategy: d.strategy,
    state: d.state,
    trafficPercent: d.trafficPercent,
    release: d.release,
    service: d.target.service,
    environment: d.target.environment,
    startedBy: d.startedBy?.name ?? null,
    error: d.error,
    createdAt: d.createdAt.toISOString(),
    finishedAt: d.finishedAt?.toISOString() ?? null,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}
