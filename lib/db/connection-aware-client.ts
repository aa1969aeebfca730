// The pg client the pool uses. pg reports a connection that was lost or never came up ("Connection
// terminated unexpectedly", "timeout expired", "Client has encountered a connection error and is not
// queryable", …) as a plain Error with no code, and Prisma's adapter passes such errors through untouched:
// without a type, the API could only guess from the message that PostgreSQL is down. This client gives
// them one. Server errors (pg's DatabaseError, with an SQLSTATE) and socket errors (with a system code
// such as ECONNREFUSED) already have a type and a code, and Prisma's adapter maps them; they pass as they are.
import pg from "pg";

/** A connection to PostgreSQL could not be opened or was lost; `cause` is pg's own error. */
export class PostgresConnectionError extends Error {
  constructor(cause: Error) {
    super(cause.message, { cause });
    this.name = "PostgresConnectionError";
  }
}

function typed(error: unknown): unknown {
  const isUntyped = error instanceof Error && Object.getPrototypeOf(error) === Error.prototype && !("code" in error);
  return isUntyped ? new PostgresConnectionError(error) : error;
}

type Callback = (error: unknown, ...rest: unknown[]) => void;

/** Wraps the callback (last argument) or the returned promise so that untyped pg errors become typed. */
function retype(args: unknown[], call: (...args: unknown[]) => unknown): unknown {
  const last = args.at(-1);
  if (typeof last === "function") {
    const callback = last as Callback;
    return call(...args.slice(0, -1), (error: unknown, ...rest: unknown[]) => callback(error ? typed(error) : error, ...rest));
  }
  const result = call(...args);
  return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(typed(error))) : result;
}

export class ConnectionAwareClient extends pg.Client {
  // pg-pool calls both with a callback, Prisma's adapter with promises: both forms are kept. `any`, because
  // pg's many overloads cannot be restated one by one.
  override connect(...args: any[]): any {
    return retype(args, (...a) => (super.connect as (...x: unknown[]) => unknown).apply(this, a));
  }

  override query(...args: any[]): any {
    return retype(args, (...a) => (super.query as (...x: unknown[]) => unknown).apply(this, a));
  }
}
