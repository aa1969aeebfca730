// POST /api/v1/environments/{slug}/freezes — freeze deployments for a period, with a reason; admin.
import { json, route } from "@/lib/api/route";
import { createFreezeBody, slugParams } from "@/lib/schemas/environments";
import { createFreeze } from "@/lib/services/create-freeze";

export const POST = route({ permission: "admin.manage", params: slugParams, body: createFreezeBody }, async ({ principal, params, body }) =>
  json(await createFreeze({ principal, slug: params.slug, input: body }), 201),
);
