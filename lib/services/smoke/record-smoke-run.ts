// Runs a suite and records it: one SmokeRun, one SmokeCheckResult per check written as each check finishes
// (so a page following the run sees it live), and the run's status and summary at the end. The engine, the
// smoke.run worker and the post-deploy checks all record runs through here.
import { db, type Prisma } from "@/lib/db";
import type { SmokeTrigger } from "@/lib/db/generated/enums";
import { runSmokeSuite } from "@/lib/smoke/run-smoke-suite";
import type { SmokeCheckResult, SmokeRunResult } from "@/lib/smoke/smoke-result";
import type { SmokeSuite } from "@/lib/smoke/smoke-suite-schema";

export type NewSmokeRun = {
  serviceId: string;
  url: string;
  trigger: SmokeTrigger;
  deploymentId?: string | null;
  targetId?: string | null;
  releaseId?: string | null;
  revision?: string | null;
  startedById?: string | null;
};

export async function createSmokeRun(run: NewSmokeRun, client: Prisma.TransactionClient | typeof db = db): Promise<string> {
  const created = await client.smokeRun.create({ data: { ...run, status: "running" }, select: { id: true } });
  return created.id;
}

/** Marks runs left `running` by a crashed worker as `error`, so a run is never shown as still going for ever. */
export async function markInterrupted(
  where: Prisma.SmokeRunWhereInput,
  why = "interrupted: the worker running it stopped before it finished",
): Promise<number> {
  const { count } = await db.smokeRun.updateMany({
    where: { ...where, status: "running" },
    data: { status: "error", finishedAt: new Date(), summary: { error: why } },
  });
  return count;
}

export async function storeCheckResult(runId: string, position: number, result: SmokeCheckResult): Promise<void> {
  await db.smokeCheckResult.create({
    data: {
      smokeRunId: runId,
      position,
      name: result.name,
      kind: result.kind,
      status: result.outcome,
      durationMs: Math.round(result.durationMs),
      detail: result.detail as unknown as Prisma.InputJsonValue,
    },
  });
}

export async function finishSmokeRun(runId: string, summary: SmokeRunResult["summary"] & { note?: string }): Promise<void> {
  await db.smokeRun.update({
    where: { id: runId },
    data: { status: summary.passed ? "passed" : "failed", summary: summary as unknown as Prisma.InputJsonValue, finishedAt: new Date() },
  });
}

export async function failSmokeRun(runId: string, error: string): Promise<void> {
  await db.smokeRun.update({ where: { id: runId }, data: { status: "error", summary: { error }, finishedAt: new Date() } });
}

/**
 * Runs `suite` against the run's URL and records every result. `onResult` is awaited in order after each
 * result is stored (the engine appends a timeline event there). A runner that throws leaves the run `error`.
 */
export async function executeSmokeRun(options: {
  runId: string;
  url: string;
  suite: SmokeSuite;
  secrets?: Record<string, string>;
  onResult?: (result: SmokeCheckResult, position: number) => Promise<void>;
}): Promise<SmokeRunResult> {
  // The runner reports synchronously; writes are chained so results land in suite order.
  let writes: Promise<void> = Promise.resolve();
  let position = 0;
  try {
    const outcome = await runSmokeSuite({
      suite: options.suite,
      baseUrl: options.url,
      secrets: options.secrets,
      onResult: (result) => {
        const at = position++;
        writes = writes.then(async () => {
          await storeCheckResult(options.runId, at, result);
          await options.onResult?.(result, at);
        });
      },
    });
    await writes;
    await finishSmokeRun(options.runId, outcome.summary);
    return outcome;
  } catch (error) {
    await writes.catch(() => undefined);
    await failSmokeRun(options.runId, (error as Error).message);
    throw error;
  }
}
