// An admin lifts a freeze (ends it early, or removes one planned by mistake).
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { loadEnvironment } from "./load-environment";

export async function deleteFreeze(options: { principal: Principal; slug: string; id: string }): Promise<{ id: string; deleted: true }> {
  const { principal, slug, id } = options;
  return db.$transaction(async (tx) => {
    const environment = await loadEnvironment({ slug, client: tx });
    const freeze = await tx.freeze.findFirst({ where: { id, environmentId: environment.id } });
    if (!freeze) throw new AppError("not_found", `There is no freeze ${id} on ${environment.name}.`);
    await tx.freeze.delete({ where: { id } });
    await recordAudit(tx, actorOf(principal), {
      action: "freeze.deleted",
      subjectType: "environment",
      subjectId: environment.id,
      details: { slug, freezeId: id, startsAt: freeze.startsAt.toISOString(), endsAt: freeze.endsAt.toISOString(), reason: freeze.reason },
    });
    return { id, deleted: true as const };
  });
}
