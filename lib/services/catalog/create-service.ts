// An admin onboards a service: its slug (fixed from now on), name, repository, owner and description.
// It starts with the source documents' defaults — the built-in smoke suite, SLOs, alert rules and rollback
// triggers — as the seeded services do, so that it is deployable as soon as it has a target; each is
// tuned per service afterwards.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db, type Prisma } from "@/lib/db";
import { DEFAULT_ALERT_RULES, DEFAULT_ROLLBACK_TRIGGERS, DEFAULT_SLOS, DEFAULT_SMOKE_SUITE } from "@/lib/domain/document-defaults";
import type { CreateServiceInput } from "@/lib/schemas/services";
import { serviceSummaryInclude, toServiceSummary, type ServiceSummary } from "../list-services";

export async function createService({ principal, input }: { principal: Principal; input: CreateServiceInput }): Promise<ServiceSummary> {
  return db.$transaction(async (tx) => {
    const existing = await tx.service.findUnique({ where: { slug: input.slug }, select: { archivedAt: true } });
    if (existing) {
      const archived = existing.archivedAt ? " (archived: unarchive it to use it again)" : "";
      throw new AppError("conflict", `A service with the slug "${input.slug}" already exists${archived}. Choose another slug.`, {
        fields: [{ path: "body.slug", message: "already in use" }],
      });
    }
    const service = await tx.service.create({
      data: {
        slug: input.slug,
        name: input.name,
        repository: input.repository ?? null,
        owner: input.owner ?? null,
        description: input.description ?? null,
        smokeSuite: DEFAULT_SMOKE_SUITE as unknown as Prisma.InputJsonValue,
        slos: DEFAULT_SLOS,
        alertRules: DEFAULT_ALERT_RULES as unknown as Prisma.InputJsonValue,
        rollbackTriggers: DEFAULT_ROLLBACK_TRIGGERS as unknown as Prisma.InputJsonValue,
      },
      include: serviceSummaryInclude,
    });
    await recordAudit(tx, actorOf(principal), {
      action: "service.created",
      subjectType: "service",
      subjectId: service.id,
      details: { slug: service.slug, name: service.name, repository: service.repository, owner: service.owner },
    });
    return toServiceSummary(service);
  });
}
