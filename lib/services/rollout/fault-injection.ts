// Fault injection for the crash tests, and nothing else: with FLIGHTDECK_FAULT_KILL_AT="<step>:<phase>"
// a worker SIGKILLs itself when it reaches that point of a step, so the tests can kill it at every step,
// including the worst moment (the provider call made, its outcome not yet recorded). Never set in production.
import { env } from "@/lib/env";

/** before_call: nothing done yet; unrecorded: the provider call made, its claim not yet marked done; after_call: the step done, its outcome not recorded. */
export type FaultPhase = "before_call" | "unrecorded" | "after_call";

export function injectFault(step: number, phase: FaultPhase): void {
  const at = env().FLIGHTDECK_FAULT_KILL_AT;
  if (!at || at !== `${step}:${phase}`) return;
  console.error(`fault injection: SIGKILL at step ${step} ${phase}`);
  process.kill(process.pid, "SIGKILL");
}
