// The analysis decision, pure: a run's measurements in, { verdict, reason } out. Per trigger, counted the
// way Argo Rollouts counts an AnalysisRun's metric (more breaches than failureLimit fails it; more errors in
// a row than consecutiveErrorLimit, or more inconclusive measurements than inconclusiveLimit, stop it),
// with two additions: too little traffic is never judged (it waits, then pauses or passes by policy,
// saying so), and dry-run triggers are judged and reported but never move the verdict.
import type { AnalysisConfig } from "./analysis-config";
import { assessTrigger, type TriggerMeasurement, type TriggerVerdict } from "./assess-trigger";

export type { TriggerMeasurement, TriggerVerdict } from "./assess-trigger";

export type AnalysisVerdict = "healthy" | "rollback" | "inconclusive" | "error";

export type AnalysisDecision = { verdict: AnalysisVerdict; reason: string; perTrigger: TriggerVerdict[] };

// The run takes its worst acting trigger's verdict: a breach beats missing data, which beats a failed query.
const SEVERITY: Record<AnalysisVerdict, number> = { healthy: 0, error: 1, inconclusive: 2, rollback: 3 };

export type EvaluateAnalysisInput = {
  config: Pick<
    AnalysisConfig,
    "triggers" | "failureLimit" | "consecutiveErrorLimit" | "inconclusiveLimit" | "minSampleRequests" | "lowTrafficPolicy"
  >;
  /** Every measurement of this run so far, oldest first, each naming its trigger. */
  history: readonly TriggerMeasurement[];
  /**
   * True when the step's analysis time is up and this evaluation decides. Before that, a window that has
   * not yet gathered enough samples is waited for; at the end it pauses (or passes, by policy).
   */
  final: boolean;
};

export function evaluateAnalysis({ config, history, final }: EvaluateAnalysisInput): AnalysisDecision {
  const perTrigger = config.triggers
    .filter((trigger) => trigger.enabled)
    .map((trigger) => assessTrigger({ trigger, config, measurements: history.filter((m) => m.trigger === trigger.name), final }));
  const acting = perTrigger.filter((t) => !t.dryRun);
  if (acting.length === 0) return { verdict: "healthy", reason: "no enabled trigger acts (all are off or dry runs)", perTrigger };
  const worst = acting.reduce((a, b) => (SEVERITY[b.verdict] > SEVERITY[a.verdict] ? b : a));
  if (worst.verdict !== "healthy") return { verdict: worst.verdict, reason: `${worst.name}: ${worst.reason}`, perTrigger };
  const waiting = acting.filter((t) => t.waiting);
  const reason =
    waiting.length > 0
      ? `no breach; waiting for enough samples for ${waiting.map((t) => t.name).join(", ")}`
      : `all ${acting.length} acting triggers healthy${acting.some((t) => t.passedByPolicy) ? " (some by the low-traffic policy)" : ""}`;
  return { verdict: "healthy", reason, perTrigger };
}
