import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "./app-error";
import { MaxRetriesPerRequestError } from "ioredis/built/errors";
import pg from "pg";
import { PostgresConnectionError } from "@/lib/db/connection-aware-client";
import { Prisma } from "@/lib/db/generated/client";
import { RedisUnavailableError } from "@/lib/queue/connection";
import { unreachableDependency } from "./dependency-error";
import { problemResponse } from "./problem";

async function problem(error: unknown) {
  const response = problemResponse(error);
  return { status: response.status, type: response.headers.get("content-type"), body: await response.json() };
}

describe("problem+json mapping", () => {
  it.each([
    ["validation", 422],
    ["unauthenticated", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["conflict", 409],
    ["payload_too_large", 413],
    ["unsupported_media_type", 415],
    ["unavailable", 503],
    ["internal", 500],
  ] as const)("%s → %i", async (code, status) => {
    const p = await problem(new AppError(code, "what to do"));
    expect(p.status).toBe(status);
    expect(p.type).toBe("application/problem+json");
    expect(p.body).toMatchObject({ status, detail: "what to do" });
  });

  it("names every invalid field of a zod error", async () => {
    const result = z.object({ name: z.string(), age: z.number() }).safeParse({ age: "x" });
    const p = await problem(result.error);
    expect(p.status).toBe(422);
    expect(p.body.errors.map((e: { path: string }) => e.path)).toEqual(["input.name", "input.age"]);
  });

  it("answers 500 for unknown errors without leaking their message", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const p = await problem(new Error("password=hunter2 at db.internal:5432"));
    spy.mockRestore();
    expect(p.status).toBe(500);
    expect(JSON.stringify(p.body)).not.toContain("hunter2");
  });

  it("maps unique-constraint violations to 409", async () => {
    const p = await problem(Object.assign(new Error("Unique constraint failed"), { code: "P2002", meta: { target: ["email"] } }));
    expect(p.status).toBe(409);
    expect(p.body.detail).toContain("email");
  });
});

describe("unreachable dependencies", () => {
  const prismaError = (code: string, cause?: Record<string, unknown>) =>
    new Prisma.PrismaClientKnownRequestError("Invalid invocation", {
      code,
      clientVersion: "7.10.0",
      meta: cause ? { driverAdapterError: { name: "DriverAdapterError", cause } } : undefined,
    });
  const pgError = (code: string) => Object.assign(new pg.DatabaseError("the database system is starting up", 0, "error"), { code });

  it("recognises PostgreSQL by Prisma's codes, the adapter's kinds, SQLSTATEs and the pool client's type", () => {
    expect(unreachableDependency(prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }))).toBe("postgres");
    expect(unreachableDependency(prismaError("P2024"))).toBe("postgres");
    expect(unreachableDependency(prismaError("P2010", { kind: "postgres", originalCode: "57P01" }))).toBe("postgres");
    expect(unreachableDependency(pgError("57P03"))).toBe("postgres");
    expect(unreachableDependency(pgError("08006"))).toBe("postgres");
    expect(unreachableDependency(new PostgresConnectionError(new Error("Connection terminated unexpectedly")))).toBe("postgres");
    const wrapped = new Error("Connection terminated due to connection timeout", {
      cause: new PostgresConnectionError(new Error("timeout expired")),
    });
    expect(unreachableDependency(wrapped)).toBe("postgres");
  });

  it("recognises Redis by the app's and ioredis' error types", () => {
    expect(unreachableDependency(new RedisUnavailableError("not ready within 2000 ms"))).toBe("redis");
    expect(unreachableDependency(new MaxRetriesPerRequestError(1))).toBe("redis");
  });

  it("ignores other errors, whatever their message or stack says", () => {
    const lookalikes = [
      new Error("division by zero"),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432 can't reach database"), { stack: "Error\n at pg-pool/index.js" }),
      Object.assign(new Error("Connection is closed."), { stack: "Error\n at ioredis/built/Redis.js" }),
      prismaError("P2002"),
      prismaError("P2010", { kind: "postgres", originalCode: "22P02" }),
      pgError("23505"),
    ];
    for (const error of lookalikes) expect(unreachableDependency(error), error.message).toBeUndefined();
  });
});
