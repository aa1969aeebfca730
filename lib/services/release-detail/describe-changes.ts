// What deploying this release to a target changes against the release running there now: version, commit,
// artifact, and the notes of every release of the service in between, so a reviewer reads the whole step.
import type { Prisma, PrismaClient, Release } from "@/lib/db";

type Client = PrismaClient | Prisma.TransactionClient;
type ReleaseFacts = Pick<Release, "id" | "serviceId" | "version" | "commitSha" | "digest" | "notes" | "createdAt">;

export type ReleaseChanges = {
  current: { releaseId: string; version: string; commitSha: string | null; digest: string; notes: string | null } | null;
  /** "first" nothing runs there yet; "same" this release runs there; "newer"/"older" than what runs */
  direction: "first" | "same" | "newer" | "older";
  commit: { from: string | null; to: string | null };
  digestChanges: boolean;
  /** the releases this deploy brings in (or takes out, when older), oldest first, at most 50 */
  releasesBetween: { version: string; notes: string | null; createdAt: string }[];
};

export async function describeChanges(
  client: Client,
  options: { release: ReleaseFacts; current: ReleaseFacts | null },
): Promise<ReleaseChanges> {
  const { release, current } = options;
  const commit = { from: current?.commitSha ?? null, to: release.commitSha };
  if (!current) return { current: null, direction: "first", commit, digestChanges: true, releasesBetween: [] };
  const view = {
    releaseId: current.id,
    version: current.version,
    commitSha: current.commitSha,
    digest: current.digest,
    notes: current.notes,
  };
  const digestChanges = current.digest !== release.digest;
  if (current.id === release.id) return { current: view, direction: "same", commit, digestChanges, releasesBetween: [] };
  const isNewer = release.createdAt.getTime() >= current.createdAt.getTime();
  const [from, to] = isNewer ? [current, release] : [release, current];
  const between = await client.release.findMany({
    where: { serviceId: release.serviceId, createdAt: { gt: from.createdAt, lte: to.createdAt } },
    select: { version: true, notes: true, createdAt: true },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  const releasesBetween = between.map((r) => ({ version: r.version, notes: r.notes, createdAt: r.createdAt.toISOString() }));
  return { current: view, direction: isNewer ? "newer" : "older", commit, digestChanges, releasesBetween };
}
