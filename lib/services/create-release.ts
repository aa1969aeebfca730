// Records a release — a built artifact of a service — as CI or a person reports it.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import type { CreateReleaseInput } from "@/lib/schemas/releases";
import { refuseArchived } from "./catalog/refuse-archived";
import { toReleaseSummary, type ReleaseSummary } from "./list-releases";

export async function createRelease({ principal, input }: { principal: Principal; input: CreateReleaseInput }): Promise<ReleaseSummary> {
  return db.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { slug: input.service }, select: { id: true, slug: true, archivedAt: true } });
    if (!service) {
      throw new AppError(
        "validation",
        `There is no service "${input.service}". Use the slug of a service listed by GET /api/v1/services.`,
        {
          fields: [{ path: "body.service", message: "unknown service" }],
        },
      );
    }
    refuseArchived({ service, doing: "record a release of" });
    const existing = await tx.release.findUnique({
      where: { serviceId_version: { serviceId: service.id, version: input.version } },
      select: { id: true },
    });
    if (existing) {
      throw new AppError("conflict", `${service.slug} ${input.version} is already recorded. Give the new build a new version.`, {
        extra: { releaseId: existing.id },
      });
    }
    const release = await tx.release.create({
      data: {
        serviceId: service.id,
        version: input.version,
        image: input.image,
        digest: input.digest,
        commitSha: input.commit,
        committedAt: input.committedAt,
        notes: input.notes,
        hotfix: input.hotfix,
        env: input.env ?? {},
        authorId: principal.userId,
      },
      include: { service: { select: { slug: true, name: true } }, author: { select: { name: true, email: true } } },
    });
    await recordAudit(tx, actorOf(principal), {
      action: "release.created",
      subjectType: "release",
      subjectId: release.id,
      details: {
        service: service.slug,
        version: release.version,
        digest: release.digest,
        committedAt: release.committedAt?.toISOString() ?? null,
        hotfix: release.hotfix,
        env: input.env ?? {},
      },
    });
    return toReleaseSummary(release);
  });
}
