// GET /api/v1/overview — services × environments matrix with current versions, latest deployments and health,
// searched and filtered by ?q=&environment=&owner=&unhealthy=true; signed in.
import { route } from "@/lib/api/route";
import { overviewQuery } from "@/lib/schemas/overview";
import { getOverview } from "@/lib/services/get-overview";

export const GET = route({ permission: "view", query: overviewQuery }, ({ query }) => getOverview(query));
