// Real failures from Prisma over the pg pool and from ioredis, classified by type: a refused port, a server
// that accepts and never answers, one that hangs up at once, a backend terminated mid-session, a Redis
// that is not there — and a plain query error, which is no outage.
import { createServer, type Server } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ConnectionAwareClient } from "@/lib/db/connection-aware-client";
import { PrismaClient } from "@/lib/db/generated/client";
import { createRedisConnection, waitForReady } from "@/lib/queue/connection";
import { unreachableDependency } from "./dependency-error";

const servers: Server[] = [];
afterAll(() => servers.forEach((server) => server.close()));

/** A TCP server on a free port that does `onConnection` with each socket (ignore it, or hang up). */
async function fakeServer(onConnection: (socket: import("node:net").Socket) => void): Promise<number> {
  const server = createServer(onConnection);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

async function failureOf(url: string, run: (prisma: PrismaClient) => Promise<unknown>): Promise<unknown> {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 500, max: 2, Client: ConnectionAwareClient });
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  try {
    await run(prisma);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    await prisma.$disconnect().catch(() => undefined);
    await pool.end().catch(() => undefined);
  }
}

describe("PostgreSQL failures", () => {
  it("names PostgreSQL for a refused port, a silent server, a hang-up and a terminated backend", async () => {
    const silent = await fakeServer(() => undefined);
    const hangUp = await fakeServer((socket) => socket.destroy());
    const query = (prisma: PrismaClient) => prisma.user.count();
    const failures = {
      refused: await failureOf("postgresql://postgres@127.0.0.1:1/x", query),
      silent: await failureOf(`postgresql://postgres@127.0.0.1:${silent}/x`, query),
      hangUp: await failureOf(`postgresql://postgres@127.0.0.1:${hangUp}/x`, query),
      terminated: await failureOf(process.env.DATABASE_URL!, (prisma) => prisma.$queryRaw`SELECT pg_terminate_backend(pg_backend_pid())`),
    };
    for (const [name, error] of Object.entries(failures)) {
      expect(error, name).toBeInstanceOf(Error);
      expect(unreachableDependency(error), `${name}: ${String(error)}`).toBe("postgres");
    }
  });

  it("does not call a failing query an outage", async () => {
    const error = await failureOf(process.env.DATABASE_URL!, (prisma) => prisma.$queryRaw`SELECT 1/0`);
    expect(error).toBeInstanceOf(Error);
    expect(unreachableDependency(error)).toBeUndefined();
  });
});

describe("Redis failures", () => {
  it("names Redis when the app's client cannot get ready", async () => {
    const redis = createRedisConnection({ role: "producer", url: "redis://127.0.0.1:1", label: "test" });
    const error = await waitForReady(redis, 500).catch((e: unknown) => e);
    redis.disconnect();
    expect(unreachableDependency(error)).toBe("redis");
  });
});
