import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "./app-error";
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
  it("recognises Postgres and Redis connection failures", () => {
    const pgError = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
      stack: "Error\n at pg-pool/index.js",
    });
    const redisError = Object.assign(new Error("Connection is closed."), { stack: "Error\n at ioredis/built/Redis.js" });
    expect(unreachableDependency(pgError)).toBe("postgres");
    expect(unreachableDependency(redisError)).toBe("redis");
    expect(unreachableDependency(new Error("division by zero"))).toBeUndefined();
  });
});
