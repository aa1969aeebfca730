// A step that analysis judges, for a service whose analysis is enabled: a canary's timed pause, or the watch
// after full traffic (after a blue-green switch, or a canary's or rolling deploy's last step). Instead of
// sleeping through it, the step measures every interval (re-queued as a delayed job of the next generation)
// until its time is up. healthy → on to the next step when the time is up; rollback → revert at once with
// the reason (the replaced revision still runs, so traffic goes back to it); inconclusive → held for a
// person with the reason; error → counted by the decision, measured again.
import { db } from "@/lib/db";
import type { AnalysisPhase } from "@/lib/db";
import { parseServiceAnalysis } from "@/lib/domain/analysis/service-analysis";
import { runAnalysisTick } from "../analysis/run-analysis-tick";
import type { StepOutcome } from "./execute-step";
import type { LoadedDeployment } from "./load-deployment";

/** Whether the deployment's service analyses its steps (the stored flag; off by default). */
export function isAnalysisEnabled(d: LoadedDeployment): boolean {
  const parsed = parseServiceAnalysis(d.target.service.analysis);
  return !parsed.ok || parsed.value.enabled;
}

const WHAT: Record<AnalysisPhase, string> = {
  canary_step: "Analysis",
  blue_green_switch: "Analysis after the switch",
  watch: "Analysis watch",
};

export async function analyseStep({
  deployment,
  index,
  seconds,
  phase,
}: {
  deployment: LoadedDeployment;
  index: number;
  seconds: number;
  phase: AnalysisPhase;
}): Promise<StepOutcome> {
  const parsed = parseServiceAnalysis(deployment.target.service.analysis);
  if (!parsed.ok) return { kind: "hold", reason: `Analysis cannot run: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}` };
  const what = WHAT[phase];
  const key = { deploymentId: deployment.id, step: index, phase };
  // The run's start marks the step's start, so a re-queued or resumed step keeps the time already spent.
  const run = await db.analysisRun.upsert({ where: { deploymentId_step_phase: key }, create: key, update: {} });
  const now = new Date();
  const endsAt = run.startedAt.getTime() + seconds * 1000;
  const final = now.getTime() >= endsAt;
  const tick = await runAnalysisTick({ deploymentId: deployment.id, step: index, phase, now, final });
  if (tick.decision === null) {
    // Finished earlier: a rollback found again after a crash still reverts; an inconclusive run that a person
    // resumed proceeds, since resuming is that person's decision.
    if (tick.verdict === "rollback") return { kind: "fail", reason: `${what}: rollback — ${tick.reason}` };
    return { kind: "advance", message: `${what} ${tick.verdict} (${tick.reason}); resumed by a person` };
  }
  switch (tick.verdict) {
    case "rollback":
      return { kind: "fail", reason: `${what}: rollback — ${tick.reason}` };
    case "inconclusive":
      return { kind: "hold", reason: `${what} inconclusive — ${tick.reason}` };
    case "error":
      if (final) return { kind: "hold", reason: `${what} could not measure — ${tick.reason}` };
      break;
    case "healthy":
      if (final) return { kind: "advance", message: `${what} healthy after ${seconds} s: ${tick.reason}` };
  }
  const delayMs = Math.max(0, Math.min(parsed.value.config.intervalSeconds * 1000, endsAt - now.getTime()));
  return { kind: "analyse_again", message: `${what} ${tick.verdict}: ${tick.reason}`, delayMs };
}
