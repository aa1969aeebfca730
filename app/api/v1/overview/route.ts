// GET /api/v1/overview — services × environments matrix with current versions and latest deployments, searched
// and filtered by ?q=&environment=&owner=; signed in.
import { route } from "@/lib/api/route";
import { overviewQuery } from "@/lib/schemas/overview";
import { getOverview } from "@/lib/services/get-overview";

export const GET = route({ permission: "view", query: overviewQuery }, ({ query }) => getOverview(query));
