// What a run needs from its service: the suite, parsed and validated on read (its secrets come from
// lib/services/service-secrets). An empty suite is `null`: callers say "no suite" rather than pass a run of nothing.
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
