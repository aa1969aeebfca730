// POST /api/v1/reviews/{id}/close — close a post-hoc review with a comment; release_manager, admin.
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { closeReviewBody } from "@/lib/schemas/reviews";
import { closeReview } from "@/lib/services/close-review";

export const POST = route({ permission: "review.close", params: idParams, body: closeReviewBody }, ({ principal, params, body }) =>
  closeReview({ principal, id: params.id, input: body }),
);
