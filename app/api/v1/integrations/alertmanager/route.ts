// POST /api/v1/integrations/alertmanager — the operator's Alertmanager webhook (webhook_config with
// `authorization: { credentials: <token> }`); API tokens of oncall, release_manager or admin only.
import { AppError } from "@/lib/api/app-error";
import { route } from "@/lib/api/route";
import { alertmanagerWebhookBody } from "@/lib/schemas/alertmanager";
import { receiveAlertmanager } from "@/lib/services/alerts/receive-alertmanager";

export const POST = route({ permission: "alert.ingest", body: alertmanagerWebhookBody }, ({ principal, body }) => {
  // A machine's endpoint: a browser session has no business posting here, whatever its role.
  if (principal.kind !== "token")
    throw new AppError("forbidden", "This endpoint takes an API token (`Authorization: Bearer <token>`), not a session.");
  return receiveAlertmanager({ principal, body });
});
