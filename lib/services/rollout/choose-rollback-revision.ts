// The revision a rollback returns a target to: the one asked for, else the good revision before the one
// serving now, else (superseding a rollback that is stuck) the revision that rollback was returning to.
import { AppError } from "@/lib/api/app-error";
import type { Deployment, Prisma } from "@/lib/db";

type Candidate = { revision: string; releaseId: string };

export async function chooseRollbackRevision(
  tx: Prisma.TransactionClient,
  options: {
    target: { id: string; currentRevision: string | null };
    /** the deployment the rollback ends, if one was active */
    active: Pick<Deployment, "kind" | "revision" | "replacesRevision" | "releaseId"> | null;
    asked?: string;
  },
): Promise<Candidate> {
  const { target, active, asked } = options;
  const candidates = (await tx.deployment.findMany({
    where: { targetId: target.id, state: "succeeded", revision: asked ?? { not: null } },
    orderBy: { finishedAt: "desc" },
    take: 20,
    select: { revision: true, releaseId: true },
  })) as Candidate[];
  if (asked) {
    const found = candidates[0];
    if (!found)
      throw new AppError("validation", `Revision ${asked} never served this target; pick one from its revision history.`, {
        fields: [{ path: "body.toRevision", message: "unknown revision" }],
      });
    return found;
  }
  if (active?.kind === "rollback") {
    // A retired revision is started again under a new name, so the release is what identifies it.
    const same = candidates.find((c) => c.revision === active.revision) ?? candidates.find((c) => c.releaseId === active.releaseId);
    if (same) return same;
    throw new AppError(
      "conflict",
      "The revision the running rollback returns to is no longer in this target's history; name one with toRevision.",
    );
  }
  // Mid-rollout the good revision is still the current one; otherwise it is the one before it.
  const wanted = active ? (active.replacesRevision ?? target.currentRevision) : undefined;
  const found = candidates.find((c) => (wanted ? c.revision === wanted : c.revision !== target.currentRevision));
  if (!found) throw new AppError("conflict", "There is no earlier good revision to roll back to on this target.");
  return found;
}
