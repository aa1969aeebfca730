// What a run needs from its service: the suite, parsed and validated on read, and the secrets its headers
// reference. An empty suite is `null`: callers say "no suite" rather than pass a run of nothing.
import { AppError } from "@/lib/api/app-error";
import { db } from "@/lib/db";
import { isEmptySmokeSuite, parseSmokeSuite } from "@/lib/smoke/parse-smoke-suite";
import type { SmokeSuite } from "@/lib/smoke/smoke-suite-schema";

export async function loadServiceSuite(serviceId: string): Promise<SmokeSuite | null> {
  const service = await db.service.findUnique({ where: { id: serviceId }, select: { smokeSuite: true } });
  if (!service) throw new AppError("not_found", `There is no service ${serviceId}.`);
  if (isEmptySmokeSuite(service.smokeSuite)) return null;
  return parseSmokeSuite({ value: service.smokeSuite });
}

/**
 * The service's secrets by name, decrypted, for `{ secret }` headers.
 * TODO(service secrets): read the ServiceSecret table once it lands (Settings › Services owns it); until
 * then a suite whose header references a secret fails that check, naming the missing secret.
 */
export async function loadServiceSecrets(serviceId: string): Promise<Record<string, string>> {
  void serviceId;
  return {};
}
