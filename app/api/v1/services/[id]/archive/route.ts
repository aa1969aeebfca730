// POST /api/v1/services/{id}/archive — no new releases or deploys for the service, history kept; admin.
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { setServiceArchived } from "@/lib/services/catalog/set-service-archived";

export const POST = route({ permission: "admin.manage", params: idParams }, ({ principal, params }) =>
  setServiceArchived({ principal, id: params.id, archived: true }),
);
