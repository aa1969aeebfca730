// GET /api/v1/targets/{id}/alert-rules — each alert rule's state on the target (firing, ok, unknown and why,
// since when), as the alert evaluator last recorded it; signed in.
import { route } from "@/lib/api/route";
import { targetIdParams } from "@/lib/schemas/slos";
import { listRuleStates } from "@/lib/services/alerts/list-rule-states";

export const GET = route({ permission: "view", params: targetIdParams }, ({ params }) => listRuleStates({ targetId: params.id }));
