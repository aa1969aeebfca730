// GET, POST /api/v1/targets — targets (?service=<slug>, ?archived=true|all), signed in; add a target to a service, admin.
import { json, route } from "@/lib/api/route";
import { createTargetBody, listTargetsQuery } from "@/lib/schemas/targets";
import { createTarget } from "@/lib/services/catalog/create-target";
import { listTargets } from "@/lib/services/catalog/list-targets";

export const GET = route({ permission: "view", query: listTargetsQuery }, ({ query }) => listTargets(query));

export const POST = route({ permission: "admin.manage", body: createTargetBody }, async ({ principal, body }) =>
  json(await createTarget({ principal, input: body }), 201),
);
