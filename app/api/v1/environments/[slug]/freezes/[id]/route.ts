// DELETE /api/v1/environments/{slug}/freezes/{id} — lift a freeze; admin.
import { route } from "@/lib/api/route";
import { freezeParams } from "@/lib/schemas/environments";
import { deleteFreeze } from "@/lib/services/delete-freeze";

export const DELETE = route({ permission: "admin.manage", params: freezeParams }, ({ principal, params }) =>
  deleteFreeze({ principal, slug: params.slug, id: params.id }),
);
