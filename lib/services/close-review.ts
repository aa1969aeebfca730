// A release manager closes a post-hoc review with a comment. A review closes once: the conditional update
// makes a second close (or two at the same moment) a 409 rather than overwriting the first comment.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import type { CloseReviewInput } from "@/lib/schemas/reviews";
import { reviewInclude, toReviewView, type ReviewView } from "./list-reviews";

export async function closeReview(options: { principal: Principal; id: string; input: CloseReviewInput }): Promise<ReviewView> {
  const { principal, id, input } = options;
  const at = await now();
  return db.$transaction(async (tx) => {
    const review = await tx.review.findUnique({ where: { id }, select: { id: true, closedAt: true } });
    if (!review) throw new AppError("not_found", `There is no review ${id}.`);
    const closed = await tx.review.updateMany({
      where: { id, closedAt: null },
      data: { closedAt: at, closedById: principal.userId, closingComment: input.comment },
    });
    if (closed.count === 0) throw new AppError("conflict", `Review ${id} is already closed; its closing comment stands.`);
    await recordAudit(tx, actorOf(principal), {
      action: "review.closed",
      subjectType: "review",
      subjectId: id,
      details: { comment: input.comment },
    });
    return toReviewView(await tx.review.findUniqueOrThrow({ where: { id }, include: reviewInclude }));
  });
}
