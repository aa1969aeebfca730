// Every worker evaluates the alert rules of every serving target on a timer of its own (like the reconciler,
// so a Redis flush cannot lose the schedule). Evaluations by several workers in the same interval are
// harmless: the database keeps one unresolved alert per fingerprint and notifications are keyed by alert.
import { env } from "@/lib/env";
import { runAlertEvaluation } from "@/lib/services/alerts/run-alert-evaluation";

export function startAlertEvaluator({ workerId }: { workerId: string }): NodeJS.Timeout {
  let running = false;
  const tick = async () => {
    // A slow interval (many targets, a slow metrics source) is skipped rather than piled up.
    if (running) return;
    running = true;
    try {
      const { opened, resolved, failed } = await runAlertEvaluation({ now: new Date() });
      if (opened || resolved || failed) console.info(`worker ${workerId}: alerts opened ${opened}, resolved ${resolved}, failed ${failed}`);
    } catch (error) {
      console.warn(`worker ${workerId}: alert evaluation: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  void tick();
  return setInterval(() => void tick(), env().ALERT_EVALUATION_INTERVAL_MS);
}
