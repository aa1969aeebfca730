// Recognises "a dependency is down" among the errors Prisma, pg and ioredis throw, so the API can answer
// 503 naming it instead of a blind 500.
export type Dependency = "postgres" | "redis";

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "57P01",
  "57P03",
  "08006",
  "08001",
  "08003",
]);
const POSTGRES_HINTS = /postgres|database|prisma|pg|connection terminated|can't reach database|timeout exceeded when trying to connect/i;
const REDIS_HINTS = /redis|ioredis|stream isn't writeable|connection is closed|maxRetriesPerRequest/i;

function codes(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== "object" || depth > 4) return [];
  const e = error as { code?: unknown; errno?: unknown; cause?: unknown; originalCode?: unknown; kind?: unknown };
  const own = [e.code, e.originalCode, e.kind].filter((c): c is string => typeof c === "string");
  return [...own, ...codes(e.cause, depth + 1)];
}

function text(error: unknown, depth = 0): string {
  if (!error || typeof error !== "object" || depth > 4) return String(error ?? "");
  const e = error as { name?: string; message?: string; cause?: unknown; stack?: string };
  return `${e.name ?? ""} ${e.message ?? ""} ${e.stack?.split("\n").slice(0, 6).join(" ") ?? ""} ${text(e.cause, depth + 1)}`;
}

/** Which dependency an error says is unreachable, if any. */
export function unreachableDependency(error: unknown): Dependency | undefined {
  const found = codes(error);
  const message = text(error);
  const isConnectionFailure =
    found.some(
      (c) => CONNECTION_CODES.has(c) || c === "DatabaseNotReachable" || c === "ConnectionClosed" || c === "P1001" || c === "P1017",
    ) ||
    /ECONNREFUSED|connection terminated|Connection is closed|can't reach database|not reachable|terminating connection|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i.test(
      message,
    );
  if (!isConnectionFailure) return undefined;
  if (REDIS_HINTS.test(message) && !/prisma|pg-pool|adapter-pg/i.test(message)) return "redis";
  if (POSTGRES_HINTS.test(message)) return "postgres";
  return undefined;
}

export const dependencyAdvice: Record<Dependency, string> = {
  postgres: "PostgreSQL is unreachable. Check that it is running and that DATABASE_URL points at it.",
  redis: "Redis is unreachable. Check that it is running and that REDIS_URL points at it.",
};
