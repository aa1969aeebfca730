// The time every window, approval and readiness decision reads. Real time, except in test runs started with
// FLIGHTDECK_TEST_CLOCK=1, where a fixed instant stored in Redis (set through PUT /api/v1/test/clock) is
// returned instead, so end-to-end tests can stand outside Monday's window without waiting for it.
import { env } from "@/lib/env";
import { getReadyRedis } from "@/lib/redis";

/** The Redis key holding the fixed instant, under this installation's prefix. */
export function testClockKey(): string {
  return `${env().REDIS_PREFIX}:test-clock`;
}

export function isTestClockEnabled(): boolean {
  return env().FLIGHTDECK_TEST_CLOCK;
}

/** Now: the real time, or the test clock's instant when the flag is on and one is set. */
export async function now(): Promise<Date> {
  if (!isTestClockEnabled()) return new Date();
  const redis = await getReadyRedis();
  const stored = await redis.get(testClockKey());
  const fixed = stored ? new Date(stored) : null;
  return fixed && !Number.isNaN(fixed.getTime()) ? fixed : new Date();
}

/** Fixes the test clock at `at`, or returns it to real time with null. Only meaningful with the flag on. */
export async function setTestClock({ at }: { at: Date | null }): Promise<void> {
  const redis = await getReadyRedis();
  if (at) await redis.set(testClockKey(), at.toISOString());
  else await redis.del(testClockKey());
}
