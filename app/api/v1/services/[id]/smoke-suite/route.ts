// GET, PUT /api/v1/services/{id}/smoke-suite — the service's smoke suite (signed in); replace it (admin),
// validated with the suite schema: a bad check is a 422 naming `body.checks.<n>.<field>`, nothing stored.
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { getSmokeSuite } from "@/lib/services/smoke-suite/get-smoke-suite";
import { updateSmokeSuite } from "@/lib/services/smoke-suite/update-smoke-suite";
import { smokeSuiteSchema } from "@/lib/smoke/smoke-suite-schema";

export const GET = route({ permission: "view", params: idParams }, ({ params }) => getSmokeSuite(params.id));

export const PUT = route({ permission: "admin.manage", params: idParams, body: smokeSuiteSchema }, ({ principal, params, body }) =>
  updateSmokeSuite({ principal, serviceId: params.id, suite: body }),
);
