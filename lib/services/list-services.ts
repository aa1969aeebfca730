// The service catalog. Targets' provider credentials are never part of it.
import { db } from "@/lib/db";

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
  /** environments this service has a deploy target in, by slug */
  environments: string[];
  createdAt: string;
};

const asObject = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export async function listServices(): Promise<{ items: ServiceSummary[] }> {
  const services = await db.service.findMany({
    orderBy: { name: "asc" },
    include: { targets: { select: { environment: { select: { slug: true, promotionOrder: true } } } } },
  });
  const items = services.map(({ targets, ...service }) => ({
    id: service.id,
    slug: service.slug,
    name: service.name,
    repository: service.repository,
    owner: service.owner,
    description: service.description,
    slos: asObject(service.slos),
    smokeSuite: asArray(service.smokeSuite),
    alertRules: asArray(service.alertRules),
    rollbackTriggers: asArray(service.rollbackTriggers),
    environments: targets
      .map((t) => t.environment)
      .sort((a, b) => a.promotionOrder - b.promotionOrder)
      .map((e) => e.slug),
    createdAt: service.createdAt.toISOString(),
  }));
  return { items };
}
