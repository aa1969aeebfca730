// Words and tones for an analysis run and its measurements. A run's step is the index of its pause in the
// rollout plan, which means nothing to a person: a canary's step is named by its traffic step instead.
import type { DeploymentDetail } from "@/lib/services/rollout/get-deployment";
import type { AnalysisRunView, MeasurementView } from "./use-deployment-analysis";

type Tone = "neutral" | "info" | "warn" | "danger" | "ok";

export function describePhase({ run, steps }: { run: Pick<AnalysisRunView, "phase" | "step">; steps: DeploymentDetail["steps"] }): string {
  if (run.phase === "blue_green_switch") return "After the blue-green switch";
  if (run.phase === "watch") return "Watch after full traffic";
  const traffic = steps.filter((s) => s.index < run.step && s.kind === "set_traffic");
  const last = traffic.at(-1);
  if (!last || last.kind !== "set_traffic") return `Canary (plan step ${run.step + 1})`;
  return `Canary step ${traffic.length} (${last.percent} % of traffic)`;
}

export const RUN_VERDICT_TONES: Record<NonNullable<AnalysisRunView["verdict"]>, Tone> = {
  healthy: "ok",
  rollback: "danger",
  inconclusive: "warn",
  error: "danger",
};

export const MEASUREMENT_VERDICT_TONES: Record<NonNullable<MeasurementView["verdict"]>, Tone> = {
  pass: "ok",
  fail: "danger",
  inconclusive: "warn",
  insufficient: "neutral",
  error: "danger",
};

/** The row id a decision's breach links to (`#measurement-<id>` on the timeline). */
export function measurementAnchor(measurementId: string): string {
  return `measurement-${measurementId}`;
}
