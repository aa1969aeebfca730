// An admin deletes a named secret of a service; a check that still references it fails when it runs, naming
// the missing secret, so deleting is allowed and audited rather than blocked.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";

type Input = { principal: Principal; serviceId: string; name: string };

export async function deleteServiceSecret({ principal, serviceId, name }: Input): Promise<{ deleted: string }> {
  return db.$transaction(async (tx) => {
    const secret = await tx.serviceSecret.findUnique({
      where: { serviceId_name: { serviceId, name } },
      select: { id: true, service: { select: { slug: true } } },
    });
    if (!secret) throw new AppError("not_found", `Service ${serviceId} has no secret ${name}.`);
    await tx.serviceSecret.delete({ where: { id: secret.id } });
    await recordAudit(tx, actorOf(principal), {
      action: "service.secret_deleted",
      subjectType: "service",
      subjectId: serviceId,
      details: { slug: secret.service.slug, secret: name },
    });
    return { deleted: name };
  });
}
