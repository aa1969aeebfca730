// DELETE /api/v1/tokens/{id} — revoke an API token (idempotent); admin.
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { revokeApiToken } from "@/lib/services/revoke-api-token";

export const DELETE = route({ permission: "admin.manage", params: idParams }, ({ principal, params }) =>
  revokeApiToken({ principal, id: params.id }),
);
