// An admin gives a service a target in an environment: one per service × environment (the database's
// unique index says so too). An archived target keeps its slot and its history: unarchive it instead.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db, type Prisma } from "@/lib/db";
import type { CreateTargetInput } from "@/lib/schemas/targets";
import { refuseArchived } from "./refuse-archived";
import { targetViewInclude, toTargetView, type TargetView } from "./target-view";

async function loadParents(tx: Prisma.TransactionClient, input: CreateTargetInput) {
  const service = await tx.service.findUnique({ where: { id: input.serviceId } });
  if (!service) {
    throw new AppError("validation", `There is no service ${input.serviceId}.`, {
      fields: [{ path: "body.serviceId", message: "unknown service" }],
    });
  }
  const environment = await tx.environment.findUnique({ where: { slug: input.environment } });
  if (!environment) {
    throw new AppError("validation", `There is no environment "${input.environment}".`, {
      fields: [{ path: "body.environment", message: "unknown environment" }],
    });
  }
  return { service, environment };
}

export async function createTarget({ principal, input }: { principal: Principal; input: CreateTargetInput }): Promise<TargetView> {
  return db.$transaction(async (tx) => {
    const { service, environment } = await loadParents(tx, input);
    refuseArchived({ service, doing: "add a target to" });
    const existing = await tx.target.findUnique({
      where: { serviceId_environmentId: { serviceId: service.id, environmentId: environment.id } },
      select: { id: true, archivedAt: true },
    });
    if (existing) {
      const hint = existing.archivedAt ? "It is archived: unarchive it and edit it instead." : "Edit that one instead.";
      throw new AppError("conflict", `${service.slug} already has a target in ${environment.slug}. ${hint}`, {
        fields: [{ path: "body.environment", message: "already has a target" }],
        extra: { targetId: existing.id },
      });
    }
    const target = await tx.target.create({
      data: {
        serviceId: service.id,
        environmentId: environment.id,
        providerType: input.providerType,
        providerConfig: input.providerConfig as Prisma.InputJsonValue,
        defaultStrategy: input.defaultStrategy,
        canarySteps: input.canarySteps,
        stepPauseSeconds: input.stepPauseSeconds,
        requiresBackup: input.requiresBackup,
        metricsSource: input.metricsSource,
        credentialsEncrypted: input.credentials === undefined ? null : encryptSecret(input.credentials),
      },
      include: targetViewInclude,
    });
    await recordAudit(tx, actorOf(principal), {
      action: "target.created",
      subjectType: "target",
      subjectId: target.id,
      details: {
        service: service.slug,
        environment: environment.slug,
        providerType: input.providerType,
        providerConfig: input.providerConfig as Prisma.InputJsonValue,
        defaultStrategy: input.defaultStrategy,
        canarySteps: input.canarySteps,
        stepPauseSeconds: input.stepPauseSeconds,
        requiresBackup: input.requiresBackup,
        metricsSource: input.metricsSource,
        credentials: input.credentials === undefined ? "none" : "stored",
      },
    });
    return toTargetView(target);
  });
}
