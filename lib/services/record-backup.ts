// Records that the backup a target requires before a deploy was taken for a release (a readiness check).
// Recording one needs the right to deploy to the target's environment: a backup is what lets a deploy there go.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import type { RecordBackupInput } from "@/lib/schemas/backups";

export async function recordBackup({ principal, targetId, input }: { principal: Principal; targetId: string; input: RecordBackupInput }) {
  return db.$transaction(async (tx) => {
    const target = await tx.target.findUnique({
      where: { id: targetId },
      select: { id: true, serviceId: true, environment: { select: { name: true, isProduction: true } } },
    });
    if (!target) throw new AppError("not_found", `There is no target ${targetId}.`);
    const permission = target.environment.isProduction ? "deploy.production" : "deploy.nonproduction";
    if (!can(principal.role, permission)) {
      throw new AppError(
        "forbidden",
        `Your role (${principal.role}) may not record a backup in ${target.environment.name}: it needs the "${permission}" permission, as deploying there does.`,
      );
    }
    const release = await tx.release.findUnique({ where: { id: input.releaseId }, select: { id: true, serviceId: true, version: true } });
    if (!release || release.serviceId !== target.serviceId) {
      throw new AppError("validation", "The release must exist and belong to the target's service.", {
        fields: [{ path: "body.releaseId", message: "not a release of this service" }],
      });
    }
    const backup = await tx.backup.create({ data: { targetId, releaseId: release.id, note: input.note, recordedById: principal.userId } });
    await recordAudit(tx, actorOf(principal), {
      action: "backup.recorded",
      subjectType: "target",
      subjectId: targetId,
      details: { backupId: backup.id, releaseId: release.id, version: release.version, note: input.note },
    });
    return { id: backup.id, targetId, releaseId: release.id, note: backup.note, takenAt: backup.takenAt.toISOString() };
  });
}
