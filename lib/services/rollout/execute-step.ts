// What each kind of rollout step does at the provider. Side effects go through withProviderCall, so a step
// re-run after a crash never repeats a call that completed.
import { db } from "@/lib/db";
import type { RolloutStep } from "@/lib/domain/plan-rollout";
import type { DeploymentProvider, TargetStatus, TrafficWeights } from "@/lib/providers/types";
import { readReleaseEnv } from "@/lib/schemas/release-env";
import { analyseStep, isAnalysisEnabled } from "./analyse-step";
import { providerTargetOf, revisionNameFor, type LoadedDeployment } from "./load-deployment";
import { runPostDeployChecks } from "./run-post-deploy-checks";
import { runPostRollbackSmoke } from "./run-post-rollback-smoke";
import { runPreTrafficSmoke } from "./run-pre-traffic-smoke";
import { verifyRevision } from "./verify-revision";
import { withProviderCall } from "./with-provider-call";

export type StepOutcome =
  | { kind: "advance"; message: string; delayMs?: number; trafficPercent?: number }
  | { kind: "wait_for_promote"; message: string }
  /** The pause's analysis measures again after delayMs, in a job of the next generation. */
  | { kind: "analyse_again"; message: string; delayMs: number }
  /** Held for a person (an inconclusive analysis), saying why. */
  | { kind: "hold"; reason: string }
  | { kind: "complete"; message: string }
  | { kind: "fail"; reason: string };

type StepContext = { deployment: LoadedDeployment; index: number; step: RolloutStep; provider: DeploymentProvider };

function callKey(ctx: StepContext, operation: string) {
  const d = ctx.deployment;
  return { key: `deploy:${d.id}:step:${ctx.index}:${operation}`, deploymentId: d.id, targetId: d.targetId, operation };
}

export function trafficWeights({
  revision,
  previous,
  percent,
}: {
  revision: string;
  previous: string | null;
  percent: number;
}): TrafficWeights {
  return previous && previous !== revision && percent < 100 ? { [revision]: percent, [previous]: 100 - percent } : { [revision]: 100 };
}

/**
 * The revision this rollout replaces must still serve at the provider for a split to make sense. When it
 * does not (the local provider after a machine restart, a target set up by hand), the rollout proceeds as
 * the target's first revision, and says so.
 */
async function adoptMissingPrevious(ctx: StepContext, status: TargetStatus): Promise<string> {
  const d = ctx.deployment;
  if (!d.replacesRevision || status.revisions.find((r) => r.name === d.replacesRevision)?.healthy) return "";
  await db.deployment.update({ where: { id: d.id }, data: { replacesRevision: null } });
  d.replacesRevision = null;
  return "; the previous revision is not serving at the provider, so this one becomes the target's first";
}

/**
 * A rollback to a revision that still runs is a traffic switch. One the provider retired (or lost) is
 * started again from its release under a new name, as `rollout undo` makes a new ReplicaSet revision.
 */
async function reviveRetiredRevision(ctx: StepContext, status: TargetStatus): Promise<string> {
  const d = ctx.deployment;
  const retired = d.revision;
  const revision = revisionNameFor(d);
  await db.deployment.update({ where: { id: d.id }, data: { revision } });
  d.revision = revision;
  return `; ${retired} was retired${status.lost ? " (its supervisor was lost)" : ""}, so its release runs again as ${revision}`;
}

async function startRevision(ctx: StepContext): Promise<StepOutcome> {
  const d = ctx.deployment;
  const status = await ctx.provider.getStatus({ target: providerTargetOf(d) });
  let note = await adoptMissingPrevious(ctx, status);
  if (d.kind === "rollback") {
    const earlier = status.revisions.find((r) => r.name === d.revision);
    if (earlier?.healthy) return { kind: "advance", message: `Revision ${d.revision} is still running${note}` };
    // Kept in the platform's history (a Kubernetes ReplicaSet): restored in place, as `rollout undo --to-revision`.
    if (earlier?.restorable) {
      await withProviderCall(callKey(ctx, "rollback"), () =>
        ctx.provider.rollback({ target: providerTargetOf(d), toRevision: d.revision! }),
      );
      const number = earlier.platformRevision ? ` (platform revision ${earlier.platformRevision})` : "";
      return { kind: "advance", message: `Revision ${d.revision}${number} restored from the platform's revision history${note}` };
    }
    note += await reviveRetiredRevision(ctx, status);
  }
  const release = { version: d.release.version, image: d.release.image, digest: d.release.digest };
  const env = readReleaseEnv(d.release.env);
  const started = await withProviderCall(callKey(ctx, "start_revision"), () =>
    ctx.provider.startRevision({ target: providerTargetOf(d), revision: d.revision!, release, env, strategy: d.strategy }),
  );
  return { kind: "advance", message: `Revision ${started.name} started with no traffic${note}` };
}

/** A deploy runs the smoke suite before traffic; a rollback (back to a revision that served) checks its health. */
async function verify(ctx: StepContext): Promise<StepOutcome> {
  if (ctx.deployment.kind === "deploy") return runPreTrafficSmoke(ctx);
  const result = await verifyRevision({
    provider: ctx.provider,
    target: providerTargetOf(ctx.deployment),
    revision: ctx.deployment.revision!,
  });
  return result.ok
    ? { kind: "advance", message: `Verified: ${result.detail}` }
    : { kind: "fail", reason: `Verification failed: ${result.detail}` };
}

async function setTraffic(ctx: StepContext, percent: number): Promise<StepOutcome> {
  const d = ctx.deployment;
  const weights = trafficWeights({ revision: d.revision!, previous: d.replacesRevision, percent });
  await withProviderCall(callKey(ctx, `set_traffic_${percent}`), () => ctx.provider.setTraffic({ target: providerTargetOf(d), weights }));
  return { kind: "advance", message: `${percent}% of traffic on ${d.revision}`, trafficPercent: percent };
}

async function finalize(ctx: StepContext, keepPrevious: boolean): Promise<StepOutcome> {
  const d = ctx.deployment;
  const previous = d.replacesRevision;
  if (!keepPrevious && previous && previous !== d.revision) {
    await withProviderCall(callKey(ctx, "stop_previous"), () =>
      ctx.provider.stopRevision({ target: providerTargetOf(d), revision: previous }),
    );
  }
  const kept = keepPrevious && previous ? `; ${previous} kept running for an instant rollback` : "";
  return { kind: "complete", message: `${d.revision} serves all traffic${kept}` };
}

export async function executeStep(ctx: StepContext): Promise<StepOutcome> {
  const step = ctx.step;
  switch (step.kind) {
    case "start_revision":
      return startRevision(ctx);
    case "verify":
      return verify(ctx);
    case "set_traffic":
      return setTraffic(ctx, step.percent);
    case "validate":
      return ctx.deployment.kind === "deploy" ? runPostDeployChecks(ctx) : runPostRollbackSmoke(ctx);
    case "pause":
      if (step.seconds === null) return { kind: "wait_for_promote", message: "Waiting for someone to promote or abort" };
      // An invalid stored configuration counts as enabled here, so analyseStep holds the rollout saying so.
      if (isAnalysisEnabled(ctx.deployment))
        return analyseStep({ deployment: ctx.deployment, index: ctx.index, seconds: step.seconds, phase: "canary_step" });
      return { kind: "advance", message: `Analysis pause of ${step.seconds} s`, delayMs: step.seconds * 1000 };
    case "watch":
      // Planned while analysis was on; if someone turned it off since, there is nothing left to watch with.
      if (isAnalysisEnabled(ctx.deployment))
        return analyseStep({ deployment: ctx.deployment, index: ctx.index, seconds: step.seconds, phase: step.phase });
      return { kind: "advance", message: "Watch after full traffic skipped: analysis was turned off for this service" };
    case "finalize":
      return finalize(ctx, step.keepPrevious);
  }
}
