// GET /api/v1/environments/{slug}/window — the deployment window now and its next opening or closing; signed in.
import { route } from "@/lib/api/route";
import { slugParams } from "@/lib/schemas/environments";
import { getEnvironmentWindow } from "@/lib/services/get-environment-window";

export const GET = route({ permission: "view", params: slugParams }, ({ params }) => getEnvironmentWindow({ slug: params.slug }));
