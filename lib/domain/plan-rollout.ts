// The steps of a rollout, decided from the strategy alone. The engine executes them one job at a time;
// each step is idempotent, so a resumed deployment re-runs its current step safely.
import type { Strategy } from "@/lib/db/generated/enums";

export type RolloutStep =
  /** start the new revision with no traffic */
  | { kind: "start_revision" }
  /** the smoke suite against the new revision's own URL, before it gets traffic (a rollback: its health) */
  | { kind: "verify" }
  /** put `percent` of the traffic on the new revision */
  | { kind: "set_traffic"; percent: number }
  /** after full traffic: the post-deploy health checks (a rollback: the smoke suite, which never undoes it) */
  | { kind: "validate" }
  /** hold for analysis: `seconds`, or until someone promotes when null */
  | { kind: "pause"; seconds: number | null }
  /**
   * after full traffic, analysis keeps watching for `seconds` while the replaced revision still runs, so a
   * breach takes traffic back at once: after a blue-green switch (phase blue_green_switch), or the watch
   * period after a canary's or rolling deploy's last step (phase watch). Planned only when analysis is on.
   */
  | { kind: "watch"; seconds: number; phase: WatchPhase }
  /** retire the replaced revision (blue-green keeps it for instant rollback) */
  | { kind: "finalize"; keepPrevious: boolean };

export type WatchPhase = "blue_green_switch" | "watch";

export type RolloutPlanInput = {
  strategy: Strategy;
  /** canary traffic percentages, ascending, ending at 100 */
  canarySteps: number[];
  /** pause after each canary step below 100 %; null = manual promote */
  stepPauseSeconds: number | null;
  /** seconds analysis watches the revision after full traffic; 0 (the default) plans no watch */
  watchSeconds?: number;
};

export type PlanDecision = { ok: true; steps: RolloutStep[] } | { ok: false; reason: string };

/** Why a list of canary steps cannot be planned, or null when it can (targets are validated with it when stored). */
export function checkCanarySteps(steps: number[]): string | null {
  if (steps.length === 0) return "A canary needs at least one traffic step.";
  if (steps.some((p) => !Number.isInteger(p) || p < 1 || p > 100)) return "Canary steps are whole percentages from 1 to 100.";
  if (steps.some((p, i) => i > 0 && p <= steps[i - 1]!)) return "Canary steps must increase (e.g. 10, 50, 100).";
  if (steps.at(-1) !== 100) return "The last canary step must be 100 %.";
  return null;
}

export function planRollout(input: RolloutPlanInput): PlanDecision {
  const start: RolloutStep[] = [{ kind: "start_revision" }, { kind: "verify" }];
  const seconds = input.watchSeconds ?? 0;
  const phase: WatchPhase = input.strategy === "blue_green" ? "blue_green_switch" : "watch";
  const watch: RolloutStep[] = seconds > 0 ? [{ kind: "watch", seconds, phase }] : [];
  const fullTraffic: RolloutStep[] = [{ kind: "set_traffic", percent: 100 }, { kind: "validate" }, ...watch];
  switch (input.strategy) {
    case "rolling":
      return { ok: true, steps: [...start, ...fullTraffic, { kind: "finalize", keepPrevious: false }] };
    case "blue_green":
      return { ok: true, steps: [...start, ...fullTraffic, { kind: "finalize", keepPrevious: true }] };
    case "canary": {
      const problem = checkCanarySteps(input.canarySteps);
      if (problem) return { ok: false, reason: problem };
      const stepping = input.canarySteps.flatMap((percent): RolloutStep[] =>
        percent < 100
          ? [
              { kind: "set_traffic", percent },
              { kind: "pause", seconds: input.stepPauseSeconds },
            ]
          : fullTraffic,
      );
      return { ok: true, steps: [...start, ...stepping, { kind: "finalize", keepPrevious: false }] };
    }
  }
}

/** The index of the step that puts all traffic on the new revision (promote jumps there). */
export function fullTrafficStep(steps: RolloutStep[]): number {
  return steps.findIndex((s) => s.kind === "set_traffic" && s.percent === 100);
}

/** Where promote goes: during the watch after full traffic, past it (ending the watch); else to full traffic. */
export function promoteStep(steps: RolloutStep[], currentStep: number): number {
  return steps[currentStep]?.kind === "watch" ? currentStep + 1 : fullTrafficStep(steps);
}
