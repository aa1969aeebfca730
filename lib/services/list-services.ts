// The service catalog: active services by default (archived ones on request). Targets' provider credentials
// are never part of it.
import { db, type Prisma } from "@/lib/db";
import type { AnalysisConfig } from "@/lib/domain/analysis/analysis-config";
import { parseServiceAnalysis } from "@/lib/domain/analysis/service-analysis";
import type { ArchivedFilter } from "@/lib/schemas/common";
import { storedSmokeChecks } from "@/lib/smoke/parse-smoke-suite";

export type ServiceSummary = {
  id: string;
  slug: string;
  name: string;
  repository: string | null;
  owner: string | null;
  description: string | null;
  slos: Record<string, unknown>;
  smokeSuite: unknown[];
  alertRules: unknown[];
  rollbackTriggers: unknown[];
  /**
   * Automated analysis with the documents' defaults filled in, as the rollout reads it; null when the stored
   * value no longer parses (the rollout then refuses to analyse, and saving a new one replaces it).
   */
  analysis: ({ enabled: boolean } & AnalysisConfig) | null;
  /** environments this service has an active deploy target in, by slug, in promotion order */
  environments: string[];
  createdAt: string;
  /** set when an admin archived the service: no new releases or deploys, history kept */
  archivedAt: string | null;
};

const asObject = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export const serviceSummaryInclude = {
  targets: {
    where: { archivedAt: null },
    select: { environment: { select: { slug: true, promotionOrder: true } } },
  },
} satisfies Prisma.ServiceInclude;

type ServiceRow = Prisma.ServiceGetPayload<{ include: typeof serviceSummaryInclude }>;

function analysisView(stored: unknown): ServiceSummary["analysis"] {
  const parsed = parseServiceAnalysis(stored);
  return parsed.ok ? { enabled: parsed.value.enabled, ...parsed.value.config } : null;
}

export function toServiceSummary({ targets, ...service }: ServiceRow): ServiceSummary {
  return {
    id: service.id,
    slug: service.slug,
    name: service.name,
    repository: service.repository,
    owner: service.owner,
    description: service.description,
    slos: asObject(service.slos),
    smokeSuite: storedSmokeChecks(service.smokeSuite),
    alertRules: asArray(service.alertRules),
    rollbackTriggers: asArray(service.rollbackTriggers),
    analysis: analysisView(service.analysis),
    environments: targets
      .map((t) => t.environment)
      .sort((a, b) => a.promotionOrder - b.promotionOrder)
      .map((e) => e.slug),
    createdAt: service.createdAt.toISOString(),
    archivedAt: service.archivedAt?.toISOString() ?? null,
  };
}

/** The Prisma filter of an `archived` query parameter. */
export function archivedWhere(archived: ArchivedFilter): { archivedAt?: null | { not: null } } {
  if (archived === "all") return {};
  return archived === "true" ? { archivedAt: { not: null } } : { archivedAt: null };
}

export async function listServices({ archived = "false" }: { archived?: ArchivedFilter } = {}): Promise<{ items: ServiceSummary[] }> {
  const services = await db.service.findMany({
    where: archivedWhere(archived),
    orderBy: { name: "asc" },
    include: serviceSummaryInclude,
  });
  return { items: services.map(toServiceSummary) };
}
