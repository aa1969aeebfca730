// A service's smoke suite as the editor and the runner see it: read through the suite schema, so a suite
// stored by an older version (a bare array of checks) comes back with the suite's defaults.
import { AppError } from "@/lib/api/app-error";
import { db } from "@/lib/db";
import { parseSmokeSuite } from "@/lib/smoke/parse-smoke-suite";
import type { SmokeSuite } from "@/lib/smoke/smoke-suite-schema";

export async function getSmokeSuite(serviceId: string): Promise<SmokeSuite> {
  const service = await db.service.findUnique({ where: { id: serviceId }, select: { smokeSuite: true } });
  if (!service) throw new AppError("not_found", `There is no service ${serviceId}.`);
  return parseSmokeSuite({ value: service.smokeSuite });
}
