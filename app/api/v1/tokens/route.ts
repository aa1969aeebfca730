// GET, POST /api/v1/tokens — list API tokens, create one (the secret is in the 201 response only); admin.
import { json, route } from "@/lib/api/route";
import { createTokenBody } from "@/lib/schemas/tokens";
import { createApiToken } from "@/lib/services/create-api-token";
import { listApiTokens } from "@/lib/services/list-api-tokens";

export const GET = route({ permission: "admin.manage" }, () => listApiTokens());

export const POST = route({ permission: "admin.manage", body: createTokenBody }, async ({ principal, body }) =>
  json(await createApiToken({ principal, input: body }), 201),
);
