// GET, POST /api/v1/services — the catalog (active services; ?archived=true|all for the others), signed in;
// onboard a service, admin.
import { json, route } from "@/lib/api/route";
import { createServiceBody, listServicesQuery } from "@/lib/schemas/services";
import { createService } from "@/lib/services/catalog/create-service";
import { listServices } from "@/lib/services/list-services";

export const GET = route({ permission: "view", query: listServicesQuery }, ({ query }) => listServices(query));

export const POST = route({ permission: "admin.manage", body: createServiceBody }, async ({ principal, body }) =>
  json(await createService({ principal, input: body }), 201),
);
