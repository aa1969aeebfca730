// GET, PATCH /api/v1/services/{id} — one service, archived or not (signed in); edit its name, repository,
// owner, description, analysis configuration, SLO objectives or alert rules (admin; the slug is fixed).
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { updateServiceBody } from "@/lib/schemas/services";
import { getService } from "@/lib/services/catalog/get-service";
import { updateService } from "@/lib/services/catalog/update-service";

export const GET = route({ permission: "view", params: idParams }, ({ params }) => getService(params.id));

export const PATCH = route({ permission: "admin.manage", params: idParams, body: updateServiceBody }, ({ principal, params, body }) =>
  updateService({ principal, id: params.id, input: body }),
);
