// The evaluation claim against real Redis: of three workers ticking in the same interval one evaluates; the
// claim lapses within the interval, so the next tick (of any worker) claims it again.
import { randomBytes } from "node:crypto";
import { afterAll, expect, it } from "vitest";
import { closeRedis, getReadyRedis, getRedis } from "@/lib/redis";
import { waitUntil } from "@/lib/testing/own-redis";
import { claimEvaluationInterval } from "./claim-evaluation-interval";

process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX ?? "fdtest"}:cl${randomBytes(2).toString("hex")}`;
afterAll(() => closeRedis());

it("lets one of three workers evaluate an interval, and any worker the next one", async () => {
  const redis = await getReadyRedis();
  const intervalMs = 500;
  const claims = await Promise.all(["a", "b", "c"].map((workerId) => claimEvaluationInterval({ redis, workerId, intervalMs })));
  expect(claims.filter(Boolean)).toHaveLength(1);
  expect(await redis.pttl(`${process.env.REDIS_PREFIX}:alerts:evaluation`)).toBeLessThanOrEqual(450);
  // The claim lapses before the next tick, one interval later.
  await waitUntil(
    async () => {
      if ((await redis.exists(`${process.env.REDIS_PREFIX}:alerts:evaluation`)) === 1) throw new Error("still claimed");
    },
    { timeoutMs: intervalMs, what: "the claim to lapse within the interval" },
  );
  expect(await claimEvaluationInterval({ redis, workerId: "b", intervalMs })).toBe(true);
  expect(await claimEvaluationInterval({ redis, workerId: "a", intervalMs })).toBe(false);
});

it("waits for a connection still opening instead of evaluating anyway (a worker's first tick)", async () => {
  const redis = await getReadyRedis();
  await redis.del(`${process.env.REDIS_PREFIX}:alerts:evaluation`);
  expect(await claimEvaluationInterval({ redis, workerId: "a", intervalMs: 10_000 })).toBe(true);
  await closeRedis();
  const opening = getRedis();
  expect(opening.status).not.toBe("ready");
  // Were the claim to fail fast on the opening connection, "b" would evaluate anyway and this would be true.
  expect(await claimEvaluationInterval({ redis: opening, workerId: "b", intervalMs: 10_000 })).toBe(false);
});
