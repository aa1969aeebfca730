// Releases, newest first, filtered by service and a free-text match on version, image or notes (literal:
// `%` and `_` are searched for, not wildcards).
import { db, type Prisma } from "@/lib/db";
import { escapeLike } from "@/lib/db/escape-like";
import type { Page } from "@/lib/schemas/common";
import { readReleaseEnv, type ReleaseEnv } from "@/lib/schemas/release-env";
import type { ListReleasesQuery } from "@/lib/schemas/releases";
import { archivedWhere } from "./list-services";

export type ReleaseSummary = {
  id: string;
  service: { slug: string; name: string };
  version: string;
  image: string;
  digest: string;
  commitSha: string | null;
  /** when the commit was made, as CI reported it */
  committedAt: string | null;
  notes: string | null;
  hotfix: boolean;
  /** The revision's environment variables this release carries. */
  env: ReleaseEnv;
  author: { name: string; email: string };
  createdAt: string;
};

export async function listReleases(query: ListReleasesQuery): Promise<Page<ReleaseSummary>> {
  const where: Prisma.ReleaseWhereInput = {
    ...(query.service || query.archived !== "all"
      ? { service: { ...(query.service ? { slug: query.service } : {}), ...archivedWhere(query.archived) } }
      : {}),
    ...(query.q
      ? {
          OR: [
            { version: { contains: escapeLike(query.q), mode: "insensitive" } },
            { image: { contains: escapeLike(query.q), mode: "insensitive" } },
            { notes: { contains: escapeLike(query.q), mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const [total, releases] = await Promise.all([
    db.release.count({ where }),
    db.release.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: { service: { select: { slug: true, name: true } }, author: { select: { name: true, email: true } } },
    }),
  ]);
  const items = releases.map(toReleaseSummary);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

type ReleaseRow = Prisma.ReleaseGetPayload<{
  include: { service: { select: { slug: true; name: true } }; author: { select: { name: true; email: true } } };
}>;

export function toReleaseSummary(r: ReleaseRow): ReleaseSummary {
  return {
    id: r.id,
    service: r.service,
    version: r.version,
    image: r.image,
    digest: r.digest,
    commitSha: r.commitSha,
    committedAt: r.committedAt?.toISOString() ?? null,
    notes: r.notes,
    hotfix: r.hotfix,
    env: readReleaseEnv(r.env),
    author: r.author,
    createdAt: r.createdAt.toISOString(),
  };
}
