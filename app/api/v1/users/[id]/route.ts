// PATCH /api/v1/users/{id} — change a user's role or name, disable or enable them; admin (never themselves).
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { updateUserBody } from "@/lib/schemas/users";
import { updateUser } from "@/lib/services/update-user";

export const PATCH = route({ permission: "admin.manage", params: idParams, body: updateUserBody }, ({ principal, params, body }) =>
  updateUser({ principal, id: params.id, input: body }),
);
