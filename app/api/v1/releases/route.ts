// GET /api/v1/releases — releases, newest first, filtered by service and text, paged; signed in.
import { route } from "@/lib/api/route";
import { listReleasesQuery } from "@/lib/schemas/releases";
import { listReleases } from "@/lib/services/list-releases";

export const GET = route({ permission: "view", query: listReleasesQuery }, ({ query }) => listReleases(query));
