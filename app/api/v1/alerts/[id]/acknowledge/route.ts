// POST /api/v1/alerts/{id}/acknowledge — say you are on an alert, with an optional note; oncall, release_manager, admin.
import { route } from "@/lib/api/route";
import { acknowledgeAlertBody } from "@/lib/schemas/alerts";
import { idParams } from "@/lib/schemas/common";
import { acknowledgeAlert } from "@/lib/services/alerts/acknowledge-alert";

export const POST = route(
  { permission: "alert.acknowledge", params: idParams, body: acknowledgeAlertBody },
  ({ principal, params, body }) => acknowledgeAlert({ principal, id: params.id, input: body }),
);
