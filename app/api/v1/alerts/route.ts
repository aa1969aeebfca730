// GET /api/v1/alerts?state=&severity=&service=&environment=&targetId=&page=&pageSize= — alerts; signed in.
import { route } from "@/lib/api/route";
import { listAlertsQuery } from "@/lib/schemas/alerts";
import { listAlerts } from "@/lib/services/alerts/list-alerts";

export const GET = route({ permission: "view", query: listAlertsQuery }, ({ query }) => listAlerts(query));
