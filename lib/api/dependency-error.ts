// Recognises "a dependency is down" by the type and code of what Prisma, pg and ioredis throw — never by
// reading message or stack text — so the API can answer 503 naming it instead of a blind 500.
import { MaxRetriesPerRequestError } from "ioredis/built/errors";
import pg from "pg";
import { PostgresConnectionError } from "@/lib/db/connection-aware-client";
import { Prisma } from "@/lib/db/generated/client";
import { RedisUnavailableError } from "@/lib/queue/connection";

export type Dependency = "postgres" | "redis";

/** Prisma's codes for "cannot reach / timed out / connection closed / no connection free in the pool". */
const PRISMA_CONNECTION_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** What Prisma's driver adapter reports (DriverAdapterError.cause.kind) when the connection itself failed. */
const ADAPTER_CONNECTION_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** SQLSTATE class 08 (connection exception) and 57P01–57P03 (shut down by the administrator, crash, starting up). */
function isConnectionSqlState(code: unknown): boolean {
  return typeof code === "string" && (code.startsWith("08") || ["57P01", "57P02", "57P03"].includes(code));
}

type AdapterCause = { kind?: unknown; code?: unknown; originalCode?: unknown };

function isAdapterConnectionFailure(cause: AdapterCause | undefined): boolean {
  if (!cause) return false;
  return (
    ADAPTER_CONNECTION_KINDS.has(String(cause.kind)) ||
    (cause.kind === "postgres" && isConnectionSqlState(cause.originalCode ?? cause.code))
  );
}

function isPostgresDown(error: unknown): boolean {
  if (error instanceof PostgresConnectionError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const adapter = (error.meta as { driverAdapterError?: { cause?: AdapterCause } } | undefined)?.driverAdapterError;
    return PRISMA_CONNECTION_CODES.has(error.code) || isAdapterConnectionFailure(adapter?.cause);
  }
  if (error instanceof Prisma.PrismaClientInitializationError) return PRISMA_CONNECTION_CODES.has(error.errorCode ?? "");
  // Raised by the adapter inside a transaction before Prisma wraps it; its class is not exported to apps.
  if (error instanceof Error && error.name === "DriverAdapterError")
    return isAdapterConnectionFailure((error as { cause?: AdapterCause }).cause);
  return error instanceof pg.DatabaseError && isConnectionSqlState(error.code);
}

function isRedisDown(error: unknown): boolean {
  // RedisUnavailableError: the app's client was not ready in time (lib/redis.ts, lib/queue/enqueue.ts);
  // MaxRetriesPerRequestError: ioredis gave up on a command while reconnecting.
  return error instanceof RedisUnavailableError || error instanceof MaxRetriesPerRequestError;
}

/** Which dependency an error (or one of its causes) says is unreachable, if any. */
export function unreachableDependency(error: unknown): Dependency | undefined {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    if (isPostgresDown(current)) return "postgres";
    if (isRedisDown(current)) return "redis";
  }
  return undefined;
}

export const dependencyAdvice: Record<Dependency, string> = {
  postgres: "PostgreSQL is unreachable. Check that it is running and that DATABASE_URL points at it.",
  redis: "Redis is unreachable. Check that it is running and that REDIS_URL points at it.",
};
