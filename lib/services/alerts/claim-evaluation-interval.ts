// One worker evaluates each interval, not every replica: a tick claims the evaluation in Redis (SET NX) for
// 90 % of the interval, so the worker that claimed it claims it again on its next tick (timer jitter aside)
// while the others' ticks find it taken and skip. A worker that dies frees it within an interval. Correctness
// never rests on it — the database keeps one unresolved alert per fingerprint — so when Redis cannot be asked
// the worker evaluates anyway.
import type { Redis } from "ioredis";
import { env } from "@/lib/env";

export async function claimEvaluationInterval({
  redis,
  workerId,
  intervalMs,
}: {
  redis: Redis;
  workerId: string;
  intervalMs: number;
}): Promise<boolean> {
  try {
    const answer = await redis.set(`${env().REDIS_PREFIX}:alerts:evaluation`, workerId, "PX", Math.floor(intervalMs * 0.9), "NX");
    return answer === "OK";
  } catch (error) {
    console.warn(`alerts: could not claim the evaluation interval (${(error as Error).message}); evaluating anyway`);
    return true;
  }
}
