// POST /api/v1/targets/{id}/backups — record the pre-deploy backup of a release; whoever may deploy to the target's environment.
import { json, route } from "@/lib/api/route";
import { recordBackupBody } from "@/lib/schemas/backups";
import { idParams } from "@/lib/schemas/common";
import { recordBackup } from "@/lib/services/record-backup";

export const POST = route(
  { permission: "deploy.nonproduction", params: idParams, body: recordBackupBody },
  async ({ principal, params, body }) => json(await recordBackup({ principal, targetId: params.id, input: body }), 201),
);
