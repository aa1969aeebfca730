// smoke.run: a smoke suite someone asked for (POST /api/v1/smoke-runs), run and recorded by a worker.
import { processSmokeRun } from "@/lib/services/smoke/process-smoke-run";
import type { Processor } from "./types";

export const smokeRun: Processor<"smoke.run"> = async ({ payload }) => ({ status: await processSmokeRun(payload.runId) });
