// GET /api/v1/reviews?open=true — post-hoc reviews of hotfixes and window overrides; signed in.
import { route } from "@/lib/api/route";
import { listReviewsQuery } from "@/lib/schemas/reviews";
import { listReviews } from "@/lib/services/list-reviews";

export const GET = route({ permission: "view", query: listReviewsQuery }, ({ query }) => listReviews(query));
