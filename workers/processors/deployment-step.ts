// deployment.step: one step of a rollout's state machine (lib/services/rollout).
import { runDeploymentStep } from "@/lib/services/rollout/run-deployment-step";
import type { Processor } from "./types";

export const deploymentStep: Processor<"deployment.step"> = async ({ payload, job }) => {
  const attempts = job.opts.attempts ?? 1;
  return runDeploymentStep({ ...payload, isLastAttempt: job.attemptsMade + 1 >= attempts });
};
