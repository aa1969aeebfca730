// Every worker runs the alert evaluation timer (like the reconciler, so a Redis flush cannot lose the
// schedule); each interval, the one that claims it evaluates every serving target. Were two to evaluate the
// same interval it would be harmless: the database keeps one unresolved alert per fingerprint and
// notifications are keyed by alert.
import { env } from "@/lib/env";
import { getRedis } from "@/lib/redis";
import { claimEvaluationInterval } from "@/lib/services/alerts/claim-evaluation-interval";
import { runAlertEvaluation } from "@/lib/services/alerts/run-alert-evaluation";

export function startAlertEvaluator({ workerId }: { workerId: string }): NodeJS.Timeout {
  let running = false;
  const tick = async () => {
    // A slow interval (many targets, a slow metrics source) is skipped rather than piled up.
    if (running) return;
    running = true;
    try {
      const now = new Date();
      const intervalMs = env().ALERT_EVALUATION_INTERVAL_MS;
      if (!(await claimEvaluationInterval({ redis: getRedis(), workerId, intervalMs }))) return;
      const { opened, resolved, failed } = await runAlertEvaluation({ now });
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
