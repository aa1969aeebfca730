// GET /api/v1/smoke-runs/{id} — the run, what it ran against, and its check results in suite order; signed in.
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { getSmokeRun } from "@/lib/services/smoke/get-smoke-runs";

export const GET = route({ permission: "view", params: idParams }, ({ params }) => getSmokeRun(params.id));
