// The dependency-down test: GET /api/v1/health against a private Redis and a private Postgres that the
// test stops and starts again. The app must answer 503 naming what is down, then 200 again once it is
// back — without a restart or a re-import — and a real worker process must ride out both outages.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedDatabase, databaseUrlFor } from "@/lib/testing/test-database";
import { createOwnPostgres, type OwnPostgres } from "@/lib/testing/own-postgres";
import { createOwnRedis, type OwnRedis, waitUntil } from "@/lib/testing/own-redis";
import { type SpawnedWorker, spawnWorker } from "@/workers/testing/spawn-worker";

type Body = {
  status: string;
  down: string[];
  checks: Record<string, { ok: boolean; error?: string; latencyMs?: number; alive?: number | null }>;
};

let redis: OwnRedis;
let postgres: OwnPostgres;
let worker: SpawnedWorker;
let GET: (request: Request) => Promise<Response>;

async function health(): Promise<{ status: number; body: Body; type: string | null }> {
  const response = await GET(new Request("http://test/api/v1/health"));
  return { status: response.status, body: (await response.json()) as Body, type: response.headers.get("content-type") };
}

async function healthyAgain(what: string): Promise<Body> {
  let last: Body | undefined;
  await waitUntil(
    async () => {
      const { status, body } = await health();
      last = body;
      if (status !== 200) throw new Error(`still ${status}: ${JSON.stringify(body.down)}`);
    },
    { timeoutMs: 20_000, what },
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n--- worker output ---\n${worker?.output()}`);
  });
  return last!;
}

/** While Redis is down an enqueue must fail within ~2 s with an error the API maps to 503 "Redis". */
async function expectEnqueueToFailFast(): Promise<void> {
  const { enqueue } = await import("@/lib/queue/enqueue");
  const { unreachableDependency } = await import("@/lib/api/dependency-error");
  const started = performance.now();
  const error = await enqueue("system.ping", { sentAt: new Date().toISOString(), nonce: "down" }, { jobId: "ping:down" }).catch(
    (e: unknown) => e,
  );
  expect(performance.now() - started).toBeLessThan(3_000);
  expect(unreachableDependency(error)).toBe("redis");
}

beforeAll(async () => {
  const started = performance.now();
  [redis, postgres] = await Promise.all([createOwnRedis(), createOwnPostgres()]);
  await Promise.all([redis.start(), postgres.start()]);
  const databaseUrl = databaseUrlFor("flightdeck_health", postgres.url);
  await createMigratedDatabase(databaseUrl);
  console.info(`private Redis + Postgres ready in ${Math.round(performance.now() - started)} ms (initdb ${postgres.initMs} ms)`);
  // Before the first import of app code: env() reads process.env once and caches it.
  const settings = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: `fdhealth${randomBytes(3).toString("hex")}`,
    WORKER_HEARTBEAT_TTL: "3",
  };
  Object.assign(process.env, settings);
  ({ GET } = await import("@/app/api/v1/health/route"));
  worker = spawnWorker({ env: settings });
});

afterAll(async () => {
  await worker?.stop("SIGKILL");
  const { closeRedis } = await import("@/lib/redis");
  const { disconnectDb } = await import("@/lib/db");
  await Promise.allSettled([closeRedis(), disconnectDb()]);
  await redis?.stop();
  await postgres?.cleanup();
});

describe("GET /api/v1/health", () => {
  it("is 200 with every check ok once a worker beats", async () => {
    const body = await healthyAgain("first healthy answer");
    expect(body).toMatchObject({
      status: "ok",
      down: [],
      checks: { postgres: { ok: true }, redis: { ok: true }, workers: { ok: true, alive: 1 } },
    });
    expect(body.checks.postgres?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("is 503 naming Redis while Redis is stopped, and 200 again once it is back", async () => {
    await redis.stop();
    const started = performance.now();
    const { status, body, type } = await health();
    expect(performance.now() - started).toBeLessThan(4_500);
    expect(status).toBe(503);
    expect(type).toMatch(/json/);
    expect(body.status).toBe("degraded");
    expect(body.down).toContain("redis");
    expect(body.down).not.toContain("postgres");
    expect(body.checks.redis?.error).toMatch(/Redis is unreachable.*REDIS_URL/);
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack/);
    await expectEnqueueToFailFast();
    await new Promise((r) => setTimeout(r, 3_000));
    await redis.start();
    // The Redis restart lost every key, so 200 also proves the worker reconnected and beats again.
    await healthyAgain("recovery after Redis restart");
    expect(worker.child.exitCode).toBeNull();
  });

  it("is 503 naming Postgres while Postgres is stopped, and 200 again once it is back", async () => {
    await postgres.stop();
    const started = performance.now();
    const { status, body } = await health();
    expect(performance.now() - started).toBeLessThan(4_500);
    expect(status).toBe(503);
    expect(body.down).toEqual(["postgres"]);
    expect(body.checks.postgres?.error).toMatch(/PostgreSQL is unreachable.*DATABASE_URL/);
    await new Promise((r) => setTimeout(r, 3_000));
    await postgres.start();
    await healthyAgain("recovery after Postgres restart");
    expect(worker.child.exitCode).toBeNull();
  });

  it("still has a working worker after both outages: a ping round-trips", async () => {
    const { enqueue, getQueue } = await import("@/lib/queue/enqueue");
    const nonce = randomBytes(6).toString("hex");
    const job = await enqueue("system.ping", { sentAt: new Date().toISOString(), nonce }, { jobId: `ping:${nonce}` });
    let result: unknown;
    await waitUntil(
      async () => {
        result = (await getQueue("system.ping").getJob(job.id!))?.returnvalue;
        if (!result) throw new Error("no result yet");
      },
      { timeoutMs: 15_000, what: "ping after outages" },
    );
    expect(result).toMatchObject({ nonce });
  });

  it("is 503 naming workers when none beats, and says how to start one", async () => {
    expect(await worker.stop("SIGTERM")).toBe(0);
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.down).toEqual(["workers"]);
    expect(body.checks.workers).toMatchObject({ ok: false, alive: 0, error: expect.stringMatching(/npm run worker/) });
  });

  it("checkPostgres / checkRedis with explicit URLs say which dependency is unreachable", async () => {
    const { checkPostgres, checkRedis } = await import("@/lib/services/health");
    expect((await checkPostgres(postgres.url)).ok).toBe(true);
    expect((await checkRedis(redis.url)).ok).toBe(true);
    expect(await checkRedis("redis://127.0.0.1:1")).toMatchObject({ ok: false, error: expect.stringMatching(/Redis/) });
    expect(await checkPostgres("postgresql://postgres@127.0.0.1:1/postgres")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/PostgreSQL/),
    });
  });
});
