// DELETE /api/v1/users/{id}/sessions — sign the user out of every browser at once; admin.
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { endUserSessions } from "@/lib/services/end-user-sessions";

export const DELETE = route({ permission: "admin.manage", params: idParams }, ({ principal, params }) =>
  endUserSessions({ principal, userId: params.id }),
);
