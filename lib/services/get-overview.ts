// The services × environments matrix, a page of services at a time (100 by default, in name order). A fixed
// number of queries whatever the size of the catalog: the page's services, environments, counts and owners,
// then the page's targets with their current release and latest deployment (one LATERAL join that walks the
// (targetId, createdAt) index once per target). Archived services and
// targets are left out: the Overview is about what can be deployed. A search (name or slug), an owner and an
// environment narrow it; the owners to choose from and the number of services before narrowing come along.
import { AppError } from "@/lib/api/app-error";
import { db, type Prisma } from "@/lib/db";
import { escapeLike } from "@/lib/db/escape-like";
import type { OverviewQuery } from "@/lib/schemas/overview";

export type OverviewDeployment = {
  id: string;
  state: string;
  kind: "deploy" | "rollback";
  version: string;
  trafficPercent: number;
  createdAt: string;
};

export type OverviewCell = {
  targetId: string;
  currentVersion: string | null;
  currentRevision: string | null;
  latestDeployment: OverviewDeployment | null;
};

export type OverviewEnvironment = { id: string; slug: string; name: string; isProduction: boolean };

export type Overview = {
  environments: OverviewEnvironment[];
  /** one row per service; `cells` follows `environments`, null where the service has no target there */
  rows: { id: string; slug: string; name: string; owner: string | null; cells: (OverviewCell | null)[] }[];
  openReviews: number;
  /** active services before the search and the owner filter */
  totalServices: number;
  /** services the search and the owner filter leave, over every page */
  matchingServices: number;
  page: number;
  pageSize: number;
  /** every owner named by an active service, for the owner filter */
  owners: string[];
};

type TargetRow = {
  targetId: string;
  serviceId: string;
  environmentId: string;
  currentRevision: string | null;
  currentVersion: string | null;
  deploymentId: string | null;
  state: string | null;
  kind: "deploy" | "rollback" | null;
  deploymentVersion: string | null;
  trafficPercent: number | null;
  deploymentCreatedAt: Date | null;
};

/** The active targets of these services in these environments, each with its latest deployment. */
function loadTargets(only: { serviceIds: string[]; environmentIds: string[] }) {
  return db.$queryRaw<TargetRow[]>`
    SELECT t.id AS "targetId", t."serviceId", t."environmentId", t."currentRevision",
           cr.version AS "currentVersion",
           d.id AS "deploymentId", d.state::text AS state, d.kind::text AS kind, d.version AS "deploymentVersion",
           d."trafficPercent", d."createdAt" AS "deploymentCreatedAt"
    FROM "Target" t
    LEFT JOIN "Release" cr ON cr.id = t."currentReleaseId"
    LEFT JOIN LATERAL (
      SELECT dd.id, dd.state, dd.kind, dd."trafficPercent", dd."createdAt", r.version
      FROM "Deployment" dd JOIN "Release" r ON r.id = dd."releaseId"
      WHERE dd."targetId" = t.id
      ORDER BY dd."createdAt" DESC
      LIMIT 1
    ) d ON true
    WHERE t."archivedAt" IS NULL AND t."serviceId" = ANY(${only.serviceIds}::text[]) AND t."environmentId" = ANY(${only.environmentIds}::text[])`;
}

function toCell(row: TargetRow): OverviewCell {
  return {
    targetId: row.targetId,
    currentVersion: row.currentVersion,
    currentRevision: row.currentRevision,
    latestDeployment: row.deploymentId
      ? {
          id: row.deploymentId,
          state: row.state!,
          kind: row.kind!,
          version: row.deploymentVersion!,
          trafficPercent: row.trafficPercent ?? 0,
          createdAt: row.deploymentCreatedAt!.toISOString(),
        }
      : null,
  };
}

function servicesWhere(query: Partial<OverviewQuery>): Prisma.ServiceWhereInput {
  const q = query.q ? escapeLike(query.q) : null;
  return {
    archivedAt: null,
    ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { slug: { contains: q, mode: "insensitive" } }] } : {}),
    ...(query.owner ? { owner: { equals: query.owner, mode: "insensitive" } } : {}),
  };
}

async function loadOwners(): Promise<string[]> {
  const rows = await db.service.findMany({
    where: { archivedAt: null, owner: { not: null } },
    distinct: ["owner"],
    select: { owner: true },
    orderBy: { owner: "asc" },
  });
  return rows.map((row) => row.owner!);
}

export async function getOverview(query: Partial<OverviewQuery> = {}): Promise<Overview> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 100;
  const where = servicesWhere(query);
  const [services, environments, openReviews, totalServices, matchingServices, owners] = await Promise.all([
    db.service.findMany({
      where,
      select: { id: true, slug: true, name: true, owner: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.environment.findMany({
      where: query.environment ? { slug: query.environment } : {},
      select: { id: true, slug: true, name: true, isProduction: true },
      orderBy: { promotionOrder: "asc" },
    }),
    db.review.count({ where: { closedAt: null } }),
    db.service.count({ where: { archivedAt: null } }),
    db.service.count({ where }),
    loadOwners(),
  ]);
  if (query.environment && environments.length === 0) {
    throw new AppError("validation", `There is no environment "${query.environment}".`, {
      fields: [{ path: "query.environment", message: "unknown environment" }],
    });
  }
  // Only the targets of the page's services and the environments shown.
  const targets = await loadTargets({
    serviceIds: services.map((service) => service.id),
    environmentIds: environments.map((environment) => environment.id),
  });
  const byKey = new Map(targets.map((row) => [`${row.serviceId}:${row.environmentId}`, row]));
  const rows = services.map((service) => ({
    ...service,
    cells: environments.map((environment) => {
      const row = byKey.get(`${service.id}:${environment.id}`);
      return row ? toCell(row) : null;
    }),
  }));
  return { environments, rows, openReviews, totalServices, matchingServices, page, pageSize, owners };
}
