// POST /api/v1/targets/{id}/archive — no new deploys to the target, history kept; 409 while a deployment runs on it; admin.
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { setTargetArchived } from "@/lib/services/catalog/set-target-archived";

export const POST = route({ permission: "admin.manage", params: idParams }, ({ principal, params }) =>
  setTargetArchived({ principal, id: params.id, archived: true }),
);
