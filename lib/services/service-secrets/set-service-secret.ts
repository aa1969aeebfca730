// An admin sets or replaces a named secret of a service. The value is encrypted before it reaches the
// database and the audit entry says only which secret changed, never its value.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import type { ServiceSecretView } from "@/lib/schemas/service-secrets";

type Input = { principal: Principal; serviceId: string; name: string; value: string };

export async function setServiceSecret({ principal, serviceId, name, value }: Input): Promise<ServiceSecretView> {
  const valueEncrypted = encryptSecret(value);
  return db.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { id: serviceId }, select: { slug: true } });
    if (!service) throw new AppError("not_found", `There is no service ${serviceId}.`);
    const existing = await tx.serviceSecret.findUnique({ where: { serviceId_name: { serviceId, name } }, select: { id: true } });
    const secret = await tx.serviceSecret.upsert({
      where: { serviceId_name: { serviceId, name } },
      create: { serviceId, name, valueEncrypted },
      update: { valueEncrypted },
    });
    await recordAudit(tx, actorOf(principal), {
      action: existing ? "service.secret_replaced" : "service.secret_set",
      subjectType: "service",
      subjectId: serviceId,
      details: { slug: service.slug, secret: name },
    });
    return { name: secret.name, createdAt: secret.createdAt.toISOString(), updatedAt: secret.updatedAt.toISOString() };
  });
}
