// PATCH /api/v1/environments/{slug} — change the approval and window policies and the notification webhook; admin.
import { route } from "@/lib/api/route";
import { slugParams, updateEnvironmentBody } from "@/lib/schemas/environments";
import { updateEnvironmentPolicy } from "@/lib/services/update-environment-policy";

export const PATCH = route({ permission: "admin.manage", params: slugParams, body: updateEnvironmentBody }, ({ principal, params, body }) =>
  updateEnvironmentPolicy({ principal, slug: params.slug, input: body }),
);
