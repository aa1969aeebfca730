// POST /api/v1/targets/test-connection — the same test for a target not saved yet (the form's draft); admin.
import { route } from "@/lib/api/route";
import { connectionDraftBody } from "@/lib/schemas/targets";
import { testDraftConnection } from "@/lib/services/catalog/test-target-connection";

export const POST = route({ permission: "admin.manage", body: connectionDraftBody }, ({ principal, body }) =>
  testDraftConnection({ principal, draft: body }),
);
