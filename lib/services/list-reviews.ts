// Post-hoc reviews of hotfixes and window overrides, open ones first, newest first; shown until a release
// manager closes them.
import { db, type Prisma } from "@/lib/db";
import type { ListReviewsQuery } from "@/lib/schemas/reviews";

export const reviewInclude = {
  release: { select: { id: true, version: true, service: { select: { slug: true, name: true } } } },
  environment: { select: { slug: true, name: true } },
  openedBy: { select: { name: true } },
  closedBy: { select: { name: true } },
} satisfies Prisma.ReviewInclude;

type ReviewRow = Prisma.ReviewGetPayload<{ include: typeof reviewInclude }>;

export type ReviewView = {
  id: string;
  reason: "hotfix" | "window_override" | "budget_override";
  detail: string;
  release: { id: string; version: string; service: { slug: string; name: string } };
  environment: { slug: string; name: string };
  deploymentId: string | null;
  openedBy: string;
  createdAt: string;
  closedBy: string | null;
  closedAt: string | null;
  closingComment: string | null;
};

export function toReviewView(r: ReviewRow): ReviewView {
  return {
    id: r.id,
    reason: r.reason,
    detail: r.detail,
    release: r.release,
    environment: r.environment,
    deploymentId: r.deploymentId,
    openedBy: r.openedBy.name,
    createdAt: r.createdAt.toISOString(),
    closedBy: r.closedBy?.name ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    closingComment: r.closingComment,
  };
}

export async function listReviews(query: ListReviewsQuery): Promise<{ items: ReviewView[] }> {
  const where: Prisma.ReviewWhereInput = query.open === undefined ? {} : { closedAt: query.open ? null : { not: null } };
  const reviews = await db.review.findMany({ where, include: reviewInclude, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 500 });
  return { items: reviews.map(toReviewView) };
}
