// GET, POST /api/v1/releases — list releases (signed in); record a release (developer, release_manager, admin; API tokens).
import { json, route } from "@/lib/api/route";
import { createReleaseBody, listReleasesQuery } from "@/lib/schemas/releases";
import { createRelease } from "@/lib/services/create-release";
import { listReleases } from "@/lib/services/list-releases";

export const GET = route({ permission: "view", query: listReleasesQuery }, ({ query }) => listReleases(query));

export const POST = route({ permission: "release.create", body: createReleaseBody }, async ({ principal, body }) =>
  json(await createRelease({ principal, input: body }), 201),
);
