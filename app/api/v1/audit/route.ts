// GET /api/v1/audit — audit events, newest first, filtered, id-cursor paged; signed in.
import { route } from "@/lib/api/route";
import { auditQuery } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/lib/services/list-audit-events";

export const GET = route({ permission: "view", query: auditQuery }, ({ query }) => listAuditEvents(query));
