// An admin archives a service (or brings it back). An archived service disappears from the Overview and
// the New release / New deployment choices and is refused new releases and deploys; its releases,
// deployments, targets and audit trail stay. A service with a deployment in flight cannot be archived:
// the rollout would lose its place in the catalog mid-way.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { serviceSummaryInclude, toServiceSummary, type ServiceSummary } from "../list-services";

type Input = { principal: Principal; id: string; archived: boolean; now?: Date };

export async function setServiceArchived({ principal, id, archived, now = new Date() }: Input): Promise<ServiceSummary> {
  return db.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { id } });
    if (!service) throw new AppError("not_found", `There is no service ${id}.`);
    if ((service.archivedAt !== null) === archived) {
      throw new AppError("conflict", `The service ${service.slug} is ${archived ? "already archived" : "not archived"}.`);
    }
    if (archived) {
      const active = await tx.deployment.findFirst({
        where: { activeTargetId: { not: null }, target: { serviceId: id } },
        select: { id: true },
      });
      if (active) {
        throw new AppError(
          "conflict",
          `The service ${service.slug} has a deployment in progress (${active.id}). Let it finish or abort it, then archive the service.`,
          { extra: { deploymentId: active.id } },
        );
      }
    }
    const after = await tx.service.update({ where: { id }, data: { archivedAt: archived ? now : null }, include: serviceSummaryInclude });
    await recordAudit(tx, actorOf(principal), {
      action: archived ? "service.archived" : "service.unarchived",
      subjectType: "service",
      subjectId: id,
      details: { slug: service.slug },
    });
    return toServiceSummary(after);
  });
}
