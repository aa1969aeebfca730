// A canary pause step of a service whose analysis is enabled: instead of sleeping through the pause, the
// step measures every interval (re-queued as a delayed job of the next generation) until its time is up.
// healthy → on to the next step when the time is up; rollback → revert at once with the reason;
// inconclusive → held for a person with the reason; error → counted by the decision, measured again.
import { db } from "@/lib/db";
import { parseServiceAnalysis } from "@/lib/domain/analysis/service-analysis";
import { runAnalysisTick } from "../analysis/run-analysis-tick";
import type { StepOutcome } from "./execute-step";
import type { LoadedDeployment } from "./load-deployment";

/** Whether the deployment's service analyses its canary pauses (the stored flag; off by default). */
export function isAnalysisEnabled(d: LoadedDeployment): boolean {
  const parsed = parseServiceAnalysis(d.target.service.analysis);
  return !parsed.ok || parsed.value.enabled;
}

export async function analysePause({
  deployment,
  index,
  seconds,
}: {
  deployment: LoadedDeployment;
  index: number;
  seconds: number;
}): Promise<StepOutcome> {
  const parsed = parseServiceAnalysis(deployment.target.service.analysis);
  if (!parsed.ok) return { kind: "hold", reason: `Analysis cannot run: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}` };
  const key = { deploymentId: deployment.id, step: index, phase: "canary_step" as const };
  // The run's start marks the pause's start, so a re-queued or resumed step keeps the time already spent.
  const run = await db.analysisRun.upsert({ where: { deploymentId_step_phase: key }, create: key, update: {} });
  const now = new Date();
  const endsAt = run.startedAt.getTime() + seconds * 1000;
  const final = now.getTime() >= endsAt;
  const tick = await runAnalysisTick({ deploymentId: deployment.id, step: index, now, final });
  if (tick.decision === null) {
    // Finished earlier: a rollback found again after a crash still reverts; an inconclusive run that a person
    // resumed proceeds, since resuming is that person's decision.
    if (tick.verdict === "rollback") return { kind: "fail", reason: `Analysis: rollback — ${tick.reason}` };
    return { kind: "advance", message: `Analysis ${tick.verdict} (${tick.reason}); resumed by a person` };
  }
  switch (tick.verdict) {
    case "rollback":
      return { kind: "fail", reason: `Analysis: rollback — ${tick.reason}` };
    case "inconclusive":
      return { kind: "hold", reason: `Analysis inconclusive — ${tick.reason}` };
    case "error":
      if (final) return { kind: "hold", reason: `Analysis could not measure — ${tick.reason}` };
      break;
    case "healthy":
      if (final) return { kind: "advance", message: `Analysis healthy after ${seconds} s: ${tick.reason}` };
  }
  const delayMs = Math.max(0, Math.min(parsed.value.config.intervalSeconds * 1000, endsAt - now.getTime()));
  return { kind: "analyse_again", message: `Analysis ${tick.verdict}: ${tick.reason}`, delayMs };
}
