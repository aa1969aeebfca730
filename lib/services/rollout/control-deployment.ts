// Rollout controls: pause, resume, promote (straight to 100 %), abort (back to the previous revision).
// Whether a control may be used is the lifecycle's decision (lib/domain/decide-control.ts), the same one the
// deployment page shows; a refusal is a 409 with its reason. Each control bumps the generation, so jobs
// queued before it find themselves stale and do nothing.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db, type DeploymentState, type Prisma } from "@/lib/db";
import { decideControl, type DeploymentControl } from "@/lib/domain/decide-control";
import { promoteStep, type RolloutStep } from "@/lib/domain/plan-rollout";
import { transitionOf } from "@/lib/domain/rollout-lifecycle";
import { appendEvent } from "./append-event";
import { queueStepSoon } from "./queue-step";

type Current = {
  id: string;
  kind: "deploy" | "rollback";
  state: DeploymentState;
  currentStep: number;
  generation: number;
  pausedReason: string | null;
  plan: Prisma.JsonValue;
};

type Change = { data: Prisma.DeploymentUpdateManyMutationInput; requeue: boolean; message: string };

function change(control: DeploymentControl, d: Current): Change {
  const steps = d.plan as RolloutStep[];
  const decision = decideControl({ control, deployment: { kind: d.kind, state: d.state, currentStep: d.currentStep, steps } });
  if (!decision.allowed) {
    throw new AppError("conflict", `Cannot ${control} this deployment: ${decision.reason}`, { extra: { control, state: d.state } });
  }
  const base = { generation: d.generation + 1, state: transitionOf(control, d.kind).to };
  switch (control) {
    case "pause":
      return { data: { ...base, pausedReason: "manual" }, requeue: false, message: "paused" };
    case "resume": {
      // A step that waits for promotion is done once someone resumes it; a manual pause re-runs its step.
      const currentStep = d.pausedReason === "promote" ? d.currentStep + 1 : d.currentStep;
      return { data: { ...base, pausedReason: null, resumeAt: null, currentStep }, requeue: true, message: "resumed" };
    }
    case "promote": {
      const currentStep = promoteStep(steps, d.currentStep);
      const message = steps[d.currentStep]?.kind === "watch" ? "promoted: the watch after full traffic ends now" : "promoted to 100%";
      return { data: { ...base, pausedReason: null, resumeAt: null, currentStep }, requeue: true, message };
    }
    case "abort":
      // Aborting a deploy that waits for its window cancels it; the worker finds nothing to undo.
      return { data: { ...base, pausedReason: null, resumeAt: null }, requeue: true, message: "aborted" };
  }
}

export async function controlDeployment({
  principal,
  id,
  control,
}: {
  principal: Principal;
  id: string;
  control: DeploymentControl;
}): Promise<{ id: string; state: DeploymentState }> {
  const result = await db.$transaction(async (tx) => {
    const d = await tx.deployment.findUnique({ where: { id } });
    if (!d) throw new AppError("not_found", `There is no deployment ${id}.`);
    const next = change(control, d);
    // Conditional on the step too: a step that finished meanwhile changes what the control would do.
    const updated = await tx.deployment.updateMany({
      where: { id, generation: d.generation, currentStep: d.currentStep, state: d.state },
      data: next.data,
    });
    if (updated.count === 0) throw new AppError("conflict", "The deployment changed while you asked; look again and retry.");
    await appendEvent(tx, { deploymentId: id, type: "control", message: `${principal.label} ${next.message}`, data: { control } });
    await recordAudit(tx, actorOf(principal), {
      action: `deployment.${control}`,
      subjectType: "deployment",
      subjectId: id,
      details: { from: d.state },
    });
    return tx.deployment.findUniqueOrThrow({ where: { id } }).then((fresh) => ({ fresh, requeue: next.requeue }));
  });
  if (result.requeue) await queueStepSoon(result.fresh);
  return { id, state: result.fresh.state };
}
