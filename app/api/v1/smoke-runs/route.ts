// POST /api/v1/smoke-runs — run a service's smoke suite now, against a target ({ targetId }) or a URL
// ({ url, service }); 202 with the run's id, a worker runs it; oncall, release_manager, admin.
// GET /api/v1/smoke-runs?service=&target=&limit= — run history, newest first; signed in.
import { json, route } from "@/lib/api/route";
import { smokeRunsQuery, startSmokeRunBody } from "@/lib/schemas/smoke-runs";
import { listSmokeRuns } from "@/lib/services/smoke/get-smoke-runs";
import { startSmokeRun } from "@/lib/services/smoke/start-smoke-run";

export const POST = route({ permission: "smoke.run", body: startSmokeRunBody }, async ({ principal, body }) =>
  json(await startSmokeRun({ principal, input: body }), 202),
);

export const GET = route({ permission: "view", query: smokeRunsQuery }, ({ query }) => listSmokeRuns(query));
