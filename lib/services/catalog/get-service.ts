// One service of the catalog, archived or not, by id.
import { AppError } from "@/lib/api/app-error";
import { db } from "@/lib/db";
import { serviceSummaryInclude, toServiceSummary, type ServiceSummary } from "../list-services";

export async function getService(id: string): Promise<ServiceSummary> {
  const service = await db.service.findUnique({ where: { id }, include: serviceSummaryInclude });
  if (!service) throw new AppError("not_found", `There is no service ${id}.`);
  return toServiceSummary(service);
}
