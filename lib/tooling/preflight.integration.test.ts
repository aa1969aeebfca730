// The start and test commands name the dependency they cannot reach, and how to fix it.
import { describe, expect, it } from "vitest";
import { freePort } from "@/lib/testing/own-redis";
import { preflight } from "./preflight";

const reachable = { databaseUrl: process.env.DATABASE_URL!, redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" };

describe("preflight", () => {
  it("passes when Postgres and Redis answer", async () => {
    await expect(preflight(reachable)).resolves.toBeUndefined();
  });

  it("names Redis alone when only Redis is down", async () => {
    const port = await freePort();
    const error = await preflight({ ...reachable, redisUrl: `redis://127.0.0.1:${port}` }).catch((e: Error) => e);
    expect(String(error)).toContain(`Redis: cannot reach 127.0.0.1:${port}`);
    expect(String(error)).toContain("REDIS_URL");
    expect(String(error)).not.toContain("PostgreSQL");
  });

  it("names both, with how to fix each, when both are down", async () => {
    const [pgPort, redisPort] = [await freePort(), await freePort()];
    const error = await preflight({
      databaseUrl: `postgresql://postgres@127.0.0.1:${pgPort}/x`,
      redisUrl: `redis://127.0.0.1:${redisPort}`,
    }).catch((e: Error) => e);
    expect(String(error)).toMatch(new RegExp(`PostgreSQL: Cannot reach PostgreSQL at 127.0.0.1:${pgPort}.*DATABASE_URL`));
    expect(String(error)).toMatch(/Redis: cannot reach .*REDIS_URL/);
  });
});
