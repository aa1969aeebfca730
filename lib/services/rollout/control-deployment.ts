// Rollout controls: pause, resume, promote (straight to 100 %), abort (back to the previous revision).
// Each bumps the generation, so jobs queued before the control find themselves stale and do nothing.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db, type DeploymentState, type Prisma } from "@/lib/db";
import { fullTrafficStep, type RolloutStep } from "@/lib/domain/plan-rollout";
import type { DeploymentControl } from "@/lib/schemas/deployments";
import { appendEvent } from "./append-event";
import { queueStepSoon } from "./queue-step";

const RUNNING: DeploymentState[] = ["queued", "deploying", "verifying", "stepping"];

type Current = {
  id: string;
  state: DeploymentState;
  currentStep: number;
  generation: number;
  pausedReason: string | null;
  plan: Prisma.JsonValue;
};

function transition(
  control: DeploymentControl,
  d: Current,
): { data: Prisma.DeploymentUpdateManyMutationInput; requeue: boolean; message: string } {
  const refuse = (why: string) => new AppError("conflict", `Cannot ${control} this deployment: ${why}.`);
  const generation = d.generation + 1;
  switch (control) {
    case "pause":
      if (!RUNNING.includes(d.state)) throw refuse(`it is ${d.state.replace("_", " ")}`);
      return { data: { state: "paused", pausedReason: "manual", generation }, requeue: false, message: "paused" };
    case "resume": {
      if (d.state !== "paused") throw refuse("it is not paused");
      // A step that waits for promotion is done once someone resumes it; a manual pause re-runs its step.
      const currentStep = d.pausedReason === "promote" ? d.currentStep + 1 : d.currentStep;
      return {
        data: { state: "stepping", pausedReason: null, resumeAt: null, currentStep, generation },
        requeue: true,
        message: "resumed",
      };
    }
    case "promote": {
      if (!RUNNING.includes(d.state) && d.state !== "paused") throw refuse(`it is ${d.state.replace("_", " ")}`);
      const target = fullTrafficStep(d.plan as RolloutStep[]);
      if (target < 0 || d.currentStep > target) throw refuse("it is already at full traffic");
      if (d.currentStep < 2) throw refuse("the new revision has not been verified yet");
      return {
        data: { state: "stepping", pausedReason: null, resumeAt: null, currentStep: target, generation },
        requeue: true,
        message: "promoted to 100%",
      };
    }
    case "abort":
      // Aborting a deploy that waits for its window cancels it; the worker finds nothing to undo.
      if (!RUNNING.includes(d.state) && d.state !== "paused" && d.state !== "waiting_for_window")
        throw refuse(`it is ${d.state.replace("_", " ")}`);
      return { data: { state: "reverting", pausedReason: null, resumeAt: null, generation }, requeue: true, message: "aborted" };
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
    const next = transition(control, d);
    const updated = await tx.deployment.updateMany({ where: { id, generation: d.generation }, data: next.data });
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
