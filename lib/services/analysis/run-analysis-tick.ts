// One analysis tick of a deployment: measure every enabled trigger's metric for the candidate and the stable
// revision, keep every measurement, decide the run with the pure decision, and say so on the timeline. The
// caller (the canary pause step) acts on the verdict; this only measures, records and decides.
import { db, type Prisma } from "@/lib/db";
import type { AnalysisPhase } from "@/lib/db";
import { type AnalysisDecision, type AnalysisVerdict, evaluateAnalysis } from "@/lib/domain/analysis/evaluate-analysis";
import { describeTrigger, judgeMeasurement } from "@/lib/domain/analysis/judge-measurement";
import { formatMetricValue } from "@/lib/domain/analysis/metric-names";
import type { AnalysisTrigger } from "@/lib/domain/analysis/analysis-config";
import { createMetricsSource, type MetricsSourceOptions } from "@/lib/metrics/registry";
import type { MetricsSource, RevisionMeasurements } from "@/lib/metrics/types";
import { appendEvent } from "../rollout/append-event";
import { type AnalysisSubject, loadAnalysisSubject } from "./load-analysis-subject";
import { toTriggerHistory } from "./to-trigger-history";

export type AnalysisTickResult = { analysisRunId: string; verdict: AnalysisVerdict; reason: string; decision: AnalysisDecision | null };

export type RunAnalysisTickInput = {
  deploymentId: string;
  /** The end of every window measured in this tick; ticks of one run must use distinct times. */
  now: Date;
  phase?: AnalysisPhase;
  /** Defaults to the deployment's current step. */
  step?: number;
  /** The step's analysis time is up: too little traffic now decides (by the low-traffic policy). */
  final?: boolean;
  metricsOptions?: MetricsSourceOptions;
};

/** When the deploy put all traffic on its revision: the end of the stable revision's baseline window after that. */
async function fullTrafficAt(deploymentId: string): Promise<Date | null> {
  const events = await db.deploymentEvent.findMany({
    where: { deploymentId, type: "traffic_set" },
    orderBy: { id: "desc" },
    select: { data: true, createdAt: true },
  });
  return events.find((e) => (e.data as { trafficPercent?: number } | null)?.trafficPercent === 100)?.createdAt ?? null;
}

/**
 * The candidate over the window ending now and the stable revision over the same length of window. Once
 * all traffic is on the candidate (the watch, after a blue-green switch), the stable revision serves
 * nothing: it is read over the window that ended when full traffic began, the pre-deploy baseline.
 */
async function measureTrigger({
  source,
  subject,
  trigger,
  now,
  baselineEndsAt,
}: {
  source: MetricsSource;
  subject: AnalysisSubject;
  trigger: AnalysisTrigger;
  now: Date;
  baselineEndsAt: Date | null;
}): Promise<RevisionMeasurements> {
  const base = { metric: trigger.metric, target: { id: subject.targetId }, windowSeconds: trigger.windowSeconds };
  if (!baselineEndsAt || !subject.stable)
    return source.measure({ ...base, revisions: { candidate: subject.candidate, stable: subject.stable }, now });
  const [current, before] = await Promise.all([
    source.measure({ ...base, revisions: { candidate: subject.candidate }, now }),
    source.measure({ ...base, revisions: { candidate: subject.stable }, now: baselineEndsAt }),
  ]);
  const note = `the stable revision before full traffic (the window ending ${baselineEndsAt.toISOString()})`;
  return { candidate: current.candidate, stable: { ...before.candidate, note: before.candidate.note ?? note } };
}

/** Idempotent per (run, now): a repeated tick writes no second measurement; a finished run is not measured again. */
export async function runAnalysisTick(input: RunAnalysisTickInput): Promise<AnalysisTickResult> {
  const { deploymentId, now, phase = "canary_step", final = false } = input;
  const subject = await loadAnalysisSubject(deploymentId);
  const step = input.step ?? subject.currentStep;
  const run = await db.analysisRun.upsert({
    where: { deploymentId_step_phase: { deploymentId, step, phase } },
    create: { deploymentId, step, phase },
    update: {},
  });
  if (run.status === "finished" && run.verdict)
    return { analysisRunId: run.id, verdict: run.verdict, reason: run.reason ?? "", decision: null };

  const { config } = subject.analysis;
  const triggers = config.triggers.filter((t) => t.enabled);
  const source = createMetricsSource(subject.metricsSource, input.metricsOptions);
  const baselineEndsAt = phase === "canary_step" ? null : await fullTrafficAt(deploymentId);
  const measured = await Promise.all(
    triggers.map(async (trigger) => {
      const measurements = await measureTrigger({ source, subject, trigger, now, baselineEndsAt });
      return { trigger, measurements, judgement: judgeMeasurement({ trigger, measurements, minSampleRequests: config.minSampleRequests }) };
    }),
  );
  const rows: Prisma.MeasurementCreateManyInput[] = measured.flatMap(({ trigger, measurements, judgement }) => {
    const pairs = [
      ["candidate", measurements.candidate] as const,
      ...(measurements.stable ? [["stable", measurements.stable] as const] : []),
    ];
    return pairs.map(([revision, m]) => ({
      analysisRunId: run.id,
      trigger: trigger.name,
      metric: trigger.metric,
      revision,
      revisionName: m.revision,
      query: m.query,
      value: m.value,
      sampleCount: m.sampleCount,
      windowSeconds: m.windowSeconds,
      threshold: describeTrigger(trigger),
      verdict: revision === "candidate" ? judgement.outcome : null,
      reason: revision === "candidate" ? judgement.reason : (m.note ?? null),
      dryRun: trigger.dryRun,
      error: m.phase === "error" ? (m.error ?? "unknown error") : null,
      measuredAt: now,
    }));
  });
  await db.measurement.createMany({ data: rows, skipDuplicates: true });

  const stored = await db.measurement.findMany({ where: { analysisRunId: run.id }, orderBy: [{ measuredAt: "asc" }, { id: "asc" }] });
  const decision = evaluateAnalysis({ config, history: toTriggerHistory(stored), final });
  const decisive = final || decision.verdict === "rollback" || decision.verdict === "inconclusive";
  await db.analysisRun.update({
    where: { id: run.id },
    data: { verdict: decision.verdict, reason: decision.reason, ...(decisive ? { status: "finished", finishedAt: now } : {}) },
  });
  await appendEvent(db, {
    deploymentId,
    type: "measurement",
    message: measured
      .map(
        ({ trigger, measurements: { candidate }, judgement }) =>
          `${trigger.name}: ${formatMetricValue({ metric: trigger.metric, value: candidate.value })} (${judgement.outcome})`,
      )
      .join("; "),
    data: {
      analysisRunId: run.id,
      measuredAt: now.toISOString(),
      triggers: measured.map(({ trigger, measurements: { candidate }, judgement }) => ({
        trigger: trigger.name,
        metric: trigger.metric,
        value: candidate.value,
        sampleCount: candidate.sampleCount,
        verdict: judgement.outcome,
        dryRun: trigger.dryRun,
      })),
    },
  });
  if (decisive || decision.verdict !== "healthy") {
    // The breach the decision rests on, so the timeline can link to that measurement.
    const breach = stored.findLast((m) => m.verdict === "fail" && !m.dryRun);
    await appendEvent(db, {
      deploymentId,
      type: "decision",
      message: `Analysis ${decision.verdict}: ${decision.reason}`,
      data: {
        analysisRunId: run.id,
        verdict: decision.verdict,
        reason: decision.reason,
        breach: breach ? { measurementId: breach.id, trigger: breach.trigger, measuredAt: breach.measuredAt.toISOString() } : null,
      },
    });
  }
  return { analysisRunId: run.id, verdict: decision.verdict, reason: decision.reason, decision };
}
