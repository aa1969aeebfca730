// The processors this build of the worker runs. Only jobs listed here get a BullMQ worker; jobs of other
// kinds (deployment.step until the rollout engine lands) stay queued until a worker that can run them starts.
import { systemPing } from "./system-ping";
import type { ProcessorRegistry } from "./types";

export const processors: ProcessorRegistry = {
  "system.ping": { run: systemPing, concurrency: 10 },
};
