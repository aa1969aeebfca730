// POST /api/v1/targets/{id}/test-connection — what the saved target's configuration and credentials may do on its platform; admin.
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { testSavedTargetConnection } from "@/lib/services/catalog/test-target-connection";

export const POST = route({ permission: "admin.manage", params: idParams }, ({ principal, params }) =>
  testSavedTargetConnection({ principal, id: params.id }),
);
