// New work is refused for an archived service or target: 409 naming it and saying how to undo the archive.
// Rollbacks do not come through here: they are never held.
import { AppError } from "@/lib/api/app-error";

type Archivable = { archivedAt: Date | null };

export function refuseArchived({
  service,
  target,
  doing,
}: {
  service: Archivable & { slug: string };
  target?: Archivable & { environmentSlug?: string };
  doing: "record a release of" | "deploy" | "add a target to";
}): void {
  if (service.archivedAt) {
    throw new AppError(
      "conflict",
      `The service ${service.slug} is archived, so you cannot ${doing} it. An admin can unarchive it in Settings › Services.`,
      { extra: { service: service.slug } },
    );
  }
  if (target?.archivedAt) {
    const where = target.environmentSlug ? ` in ${target.environmentSlug}` : "";
    throw new AppError(
      "conflict",
      `The ${service.slug} target${where} is archived, so you cannot deploy to it. An admin can unarchive it in Settings › Services.`,
      { extra: { service: service.slug } },
    );
  }
}
