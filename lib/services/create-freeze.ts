// An admin freezes an environment for a period, with a reason: nothing but rollbacks deploys during it.
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import type { CreateFreezeInput } from "@/lib/schemas/environments";
import { loadEnvironment } from "./load-environment";

export type FreezeView = {
  id: string;
  environment: string;
  startsAt: string;
  endsAt: string;
  reason: string;
  createdBy: string;
  createdAt: string;
};

export async function createFreeze(options: { principal: Principal; slug: string; input: CreateFreezeInput }): Promise<FreezeView> {
  const { principal, slug, input } = options;
  return db.$transaction(async (tx) => {
    const environment = await loadEnvironment({ slug, client: tx });
    const freeze = await tx.freeze.create({
      data: {
        environmentId: environment.id,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        reason: input.reason,
        createdById: principal.userId,
      },
    });
    await recordAudit(tx, actorOf(principal), {
      action: "freeze.created",
      subjectType: "environment",
      subjectId: environment.id,
      details: {
        slug,
        freezeId: freeze.id,
        startsAt: freeze.startsAt.toISOString(),
        endsAt: freeze.endsAt.toISOString(),
        reason: freeze.reason,
      },
    });
    return {
      id: freeze.id,
      environment: slug,
      startsAt: freeze.startsAt.toISOString(),
      endsAt: freeze.endsAt.toISOString(),
      reason: freeze.reason,
      createdBy: principal.label,
      createdAt: freeze.createdAt.toISOString(),
    };
  });
}
