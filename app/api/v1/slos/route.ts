// GET /api/v1/slos?service=&environment= — objectives, current values, error budget and burn rates per
// service × environment; signed in.
import { route } from "@/lib/api/route";
import { slosQuery } from "@/lib/schemas/slos";
import { listSlos } from "@/lib/services/sli/list-slos";

export const GET = route({ permission: "view", query: slosQuery }, ({ query }) => listSlos(query));
