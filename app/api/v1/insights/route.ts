// GET /api/v1/insights — delivery metrics (DORA) of a service and environment over a range; signed in.
import { route } from "@/lib/api/route";
import { insightsQuery } from "@/lib/schemas/insights";
import { getInsights } from "@/lib/services/insights/get-insights";

export const GET = route({ permission: "view", query: insightsQuery }, ({ query }) => getInsights({ scope: query, now: new Date() }));
