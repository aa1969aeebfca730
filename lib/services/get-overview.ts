// The services × environments matrix, a page of services at a time (100 by default, in name order). A fixed
// number of queries whatever the size of the catalog: the page's services, environments, counts and owners,
// then the page's targets with their current release and latest deployment (one LATERAL join that walks the
// (targetId, createdAt) index once per target). Archived services and
// targets are left out: the Overview is about what can be deployed. A search (name or slug), an owner and an
// environment narrow it, and "only unhealthy" keeps the services with an unhealthy cell (health:
// overview/load-cell-health.ts, a fixed number of grouped queries too); the owners to choose from and the number of services before narrowing come along.
import { AppError } from "@/lib/api/app-error";
import { db, type Prisma } from "@/lib/db";
import { escapeLike } from "@/lib/db/escape-like";
import type { OverviewQuery } from "@/lib/schemas/overview";
import { loadCellHealth, type OverviewHealth } from "./overview/load-cell-health";

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
  health: OverviewHealth;
};

export type OverviewEnvironment = { id: string; slug: string; name: string; isProduction: boolean };

export type Overview = {
  environments: OverviewEnvironment[];
  /** one row per service; `cells` follows `environments`, null where the service has no target there */
  rows: { id: string; slug: string; name: string; owner: string | null; cells: (OverviewCell | null)[] }[];
  openReviews: number;
  /** active services before the search and the owner filter */
  totalServices: number;
  /** services the search and the filters leave, over every page */
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
  slos: unknown;
};

/** The active targets of these services in these environments, each with its latest deployment. */
function loadTargets(only: { serviceIds: string[]; environmentIds: string[] }) {
  return db.$queryRaw<TargetRow[]>`
    SELECT t.id AS "targetId", t."serviceId", t."environmentId", t."currentRevision",
           cr.version AS "currentVersion",
           d.id AS "deploymentId", d.state::text AS state, d.kind::text AS kind, d.version AS "deploymentVersion",
           d."trafficPercent", d."createdAt" AS "deploymentCreatedAt", s.slos
    FROM "Target" t
    JOIN "Service" s ON s.id = t."serviceId"
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

function toCell(row: TargetRow, health: OverviewHealth): OverviewCell {
  return {
    health,
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

/** The services (of those `where` keeps) with at least one unhealthy cell in these environments, and the
 *  health of every cell it judged (the page's cells among them, so they are not read twice). */
async function loadUnhealthy(where: Prisma.ServiceWhereInput, environmentIds: string[], now: Date) {
  const services = await db.service.findMany({ where, select: { id: true, slos: true } });
  const targets = await db.target.findMany({
    where: { archivedAt: null, serviceId: { in: services.map((s) => s.id) }, environmentId: { in: environmentIds } },
    select: { id: true, serviceId: true },
  });
  const slosOf = new Map(services.map((s) => [s.id, s.slos]));
  const health = await loadCellHealth({ targets: targets.map((t) => ({ targetId: t.id, slos: slosOf.get(t.serviceId) })), now });
  return { serviceIds: [...new Set(targets.filter((t) => health.get(t.id)!.unhealthy).map((t) => t.serviceId))], health };
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

async function loadEnvironments(slug: string | undefined): Promise<OverviewEnvironment[]> {
  const environments = await db.environment.findMany({
    where: slug ? { slug } : {},
    select: { id: true, slug: true, name: true, isProduction: true },
    orderBy: { promotionOrder: "asc" },
  });
  if (slug && environments.length === 0) {
    throw new AppError("validation", `There is no environment "${slug}".`, {
      fields: [{ path: "query.environment", message: "unknown environment" }],
    });
  }
  return environments;
}

/** `now` is when the health windows end (tests pass one; the route reads the clock). */
export async function getOverview(query: Partial<OverviewQuery> = {}, now = new Date()): Promise<Overview> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 100;
  const environments = await loadEnvironments(query.environment);
  const environmentIds = environments.map((environment) => environment.id);
  const base = servicesWhere(query);
  const unhealthy = query.unhealthy ? await loadUnhealthy(base, environmentIds, now) : null;
  const where = unhealthy ? { ...base, id: { in: unhealthy.serviceIds } } : base;
  const [services, openReviews, totalServices, matchingServices, owners] = await Promise.all([
    db.service.findMany({
      where,
      select: { id: true, slug: true, name: true, owner: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.review.count({ where: { closedAt: null } }),
    db.service.count({ where: { archivedAt: null } }),
    db.service.count({ where }),
    loadOwners(),
  ]);
  // Only the targets of the page's services and the environments shown.
  const targets = await loadTargets({ serviceIds: services.map((service) => service.id), environmentIds });
  const unjudged = targets.filter((row) => !unhealthy?.health.has(row.targetId));
  const judged = await loadCellHealth({ targets: unjudged.map((row) => ({ targetId: row.targetId, slos: row.slos })), now });
  const health = new Map([...(unhealthy?.health ?? []), ...judged]);
  const byKey = new Map(targets.map((row) => [`${row.serviceId}:${row.environmentId}`, row]));
  const rows = services.map((service) => ({
    ...service,
    cells: environments.map((environment) => {
      const row = byKey.get(`${service.id}:${environment.id}`);
      return row ? toCell(row, health.get(row.targetId)!) : null;
    }),
  }));
  return { environments, rows, openReviews, totalServices, matchingServices, page, pageSize, owners };
}
