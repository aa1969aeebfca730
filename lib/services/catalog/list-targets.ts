// Targets, by service and environment order; active ones by default (archived ones on request).
import { AppError } from "@/lib/api/app-error";
import { db } from "@/lib/db";
import type { ListTargetsQuery } from "@/lib/schemas/targets";
import { archivedWhere } from "../list-services";
import { targetViewInclude, toTargetView, type TargetView } from "./target-view";

export async function listTargets(query: ListTargetsQuery): Promise<{ items: TargetView[] }> {
  if (query.service) {
    const service = await db.service.findUnique({ where: { slug: query.service }, select: { id: true } });
    if (!service) {
      throw new AppError("validation", `There is no service "${query.service}".`, {
        fields: [{ path: "query.service", message: "unknown service" }],
      });
    }
  }
  const targets = await db.target.findMany({
    where: { ...archivedWhere(query.archived), ...(query.service ? { service: { slug: query.service } } : {}) },
    orderBy: [{ service: { name: "asc" } }, { environment: { promotionOrder: "asc" } }],
    include: targetViewInclude,
  });
  return { items: targets.map(toTargetView) };
}
