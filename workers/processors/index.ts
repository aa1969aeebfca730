// The processors this build of the worker runs. Only jobs listed here get a BullMQ worker.
import { env } from "@/lib/env";
import { deploymentStep } from "./deployment-step";
import { notificationSend } from "./notification-send";
import { smokeRun } from "./smoke-run";
import { systemPing } from "./system-ping";
import type { ProcessorRegistry } from "./types";

export const processors: ProcessorRegistry = {
  // A killed worker's step is handed to another once its lock lapses; the reconciler covers lost jobs.
  "deployment.step": { run: deploymentStep, concurrency: 50, lockDurationMs: env().DEPLOY_JOB_LOCK_MS },
  "notification.send": { run: notificationSend, concurrency: 10 },
  "smoke.run": { run: smokeRun, concurrency: 5 },
  "system.ping": { run: systemPing, concurrency: 10 },
};
