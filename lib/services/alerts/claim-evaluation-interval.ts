// One worker evaluates each interval, not every replica: a tick claims the evaluation in Redis (SET NX) for
// 90 % of the interval, so the worker that claimed it claims it again on its next tick (timer jitter aside)
// while the others' ticks find it taken and skip. A worker that dies frees it within an interval. Correctness
// never rests on it — the database keeps one unresolved alert per fingerprint — so when Redis cannot be asked
// the worker evaluates anyway. The first tick, at the worker's start, waits for the connection to be ready
// rather than finding it still opening (the client fails fast while not connected).
import type { Redis } from "ioredis";
import { env } from "@/lib/env";
import { waitForReady } from "@/lib/queue/connection";

const READY_WITHIN_MS = 2_000;

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
    await waitForReady(redis, READY_WITHIN_MS);
    const answer = await redis.set(`${env().REDIS_PREFIX}:alerts:evaluation`, workerId, "PX", Math.floor(intervalMs * 0.9), "NX");
    return answer === "OK";
  } catch (error) {
    console.warn(`alerts: could not claim the evaluation interval (${(error as Error).message}); evaluating anyway`);
    return true;
  }
}
