// The one Prisma client, shared by the app and the workers.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/lib/env";
import { ConnectionAwareClient } from "./connection-aware-client";
import { PrismaClient } from "./generated/client";

export * from "./generated/client";

type Holder = { prisma?: PrismaClient; pool?: pg.Pool };
const holder = globalThis as unknown as { __flightdeckDb?: Holder };
const state: Holder = (holder.__flightdeckDb ??= {});

function createClient(): PrismaClient {
  const pool = new pg.Pool({
    connectionString: env().DATABASE_URL,
    max: 10,
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    // No JIT compilation: the app's queries are short, indexed and batched, and Postgres' cost estimates for
    // them (e.g. a 30-day budget window over 500 targets, estimated at 135,000 rows for 16,000) pass
    // jit_above_cost, so it spent ~25 ms compiling a query that runs in 25 ms. Measured on the overview
    // bench's data: the Overview's first page p50 82 → 54 ms, the SLO list's 53 → 28 ms in-process.
    options: "-c jit=off",
    // gives pg's untyped "connection lost" errors a type (PostgresConnectionError) the API can recognise
    Client: ConnectionAwareClient,
  });
  // A Postgres restart kills idle connections; the pool drops them and opens new ones on the next query.
  pool.on("error", (error) => console.warn(`postgres: idle connection lost (${error.message})`));
  state.pool = pool;
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

/** The shared client, created on first use. */
export function getDb(): PrismaClient {
  state.prisma ??= createClient();
  return state.prisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, property) => Reflect.get(getDb(), property),
});

/** Closes the client and its pool (worker shutdown, test teardown). */
export async function disconnectDb(): Promise<void> {
  const { prisma, pool } = state;
  state.prisma = undefined;
  state.pool = undefined;
  await prisma?.$disconnect();
  await pool?.end().catch(() => undefined);
}
