// GET /api/v1/overview — services × environments matrix with current versions and latest deployments; signed in.
import { route } from "@/lib/api/route";
import { getOverview } from "@/lib/services/get-overview";

export const GET = route({ permission: "view" }, () => getOverview());
