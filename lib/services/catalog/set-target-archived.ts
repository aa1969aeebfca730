// An admin archives a target (or brings it back). An archived target takes no new deploys and leaves the
// Overview; it keeps its (service, environment) slot, its revisions and history, so unarchiving restores
// it as it was. A target with a deployment in flight cannot be archived: 409 with that deployment's id.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { targetViewInclude, toTargetView, type TargetView } from "./target-view";

type Input = { principal: Principal; id: string; archived: boolean; now?: Date };

export async function setTargetArchived({ principal, id, archived, now = new Date() }: Input): Promise<TargetView> {
  return db.$transaction(async (tx) => {
    const target = await tx.target.findUnique({ where: { id }, include: { service: true, environment: true } });
    if (!target) throw new AppError("not_found", `There is no target ${id}.`);
    const name = `The ${target.service.slug} target in ${target.environment.slug}`;
    if ((target.archivedAt !== null) === archived) {
      throw new AppError("conflict", `${name} is ${archived ? "already archived" : "not archived"}.`);
    }
    if (archived) {
      const active = await tx.deployment.findUnique({ where: { activeTargetId: id }, select: { id: true } });
      if (active) {
        throw new AppError(
          "conflict",
          `${name} has a deployment in progress (${active.id}). Let it finish or abort it, then archive the target.`,
          {
            extra: { deploymentId: active.id },
          },
        );
      }
    }
    const after = await tx.target.update({ where: { id }, data: { archivedAt: archived ? now : null }, include: targetViewInclude });
    await recordAudit(tx, actorOf(principal), {
      action: archived ? "target.archived" : "target.unarchived",
      subjectType: "target",
      subjectId: id,
      details: { service: target.service.slug, environment: target.environment.slug },
    });
    return toTargetView(after);
  });
}
