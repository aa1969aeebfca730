// An admin replaces a service's smoke suite (the route validated it with the suite schema). The audit entry
// summarises the change — check names and kinds, limits — and never carries header values, which may name
// secrets or hold literal tokens.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db, type Prisma } from "@/lib/db";
import type { SmokeSuite } from "@/lib/smoke/smoke-suite-schema";
import { summarizeSmokeSuite } from "./summarize-smoke-suite";

type Input = { principal: Principal; serviceId: string; suite: SmokeSuite };

export async function updateSmokeSuite({ principal, serviceId, suite }: Input): Promise<SmokeSuite> {
  return db.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { id: serviceId }, select: { slug: true } });
    if (!service) throw new AppError("not_found", `There is no service ${serviceId}.`);
    await tx.service.update({ where: { id: serviceId }, data: { smokeSuite: suite as unknown as Prisma.InputJsonValue } });
    await recordAudit(tx, actorOf(principal), {
      action: "service.smoke_suite_updated",
      subjectType: "service",
      subjectId: serviceId,
      details: { slug: service.slug, ...summarizeSmokeSuite(suite) },
    });
    return suite;
  });
}
