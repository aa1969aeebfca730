// A service's secrets, by name and dates only: the values are write-only and never leave the server
// except to the smoke runner (load-service-secrets.ts).
import { AppError } from "@/lib/api/app-error";
import { db } from "@/lib/db";
import type { ServiceSecretView } from "@/lib/schemas/service-secrets";

export async function listServiceSecrets(serviceId: string): Promise<{ items: ServiceSecretView[] }> {
  const service = await db.service.findUnique({
    where: { id: serviceId },
    select: { secrets: { select: { name: true, createdAt: true, updatedAt: true }, orderBy: { name: "asc" } } },
  });
  if (!service) throw new AppError("not_found", `There is no service ${serviceId}.`);
  return {
    items: service.secrets.map((s) => ({ name: s.name, createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString() })),
  };
}
