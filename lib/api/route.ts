// The route-handler wrapper: authentication, the declared permission, zod parsing of params, query and
// body, and error mapping — once, for every /api/v1 route. A handler is a declaration around one service call.
import type { z } from "zod";
import { getPrincipal } from "@/lib/auth/get-principal";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "./app-error";
import { fromZodError, problemResponse } from "./problem";

type Schema = z.ZodType;
type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export type RouteSpec<P, Q, B> = {
  /** "public" routes need no sign-in (health); every other route names the permission it needs */
  permission: Permission | "public";
  params?: P;
  query?: Q;
  body?: B;
};

type Context<P, Q, B, A extends Principal | null> = {
  principal: A;
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  request: Request;
};

type NextContext = { params: Promise<Record<string, string | string[]>> };

export function json(data: unknown, init: number | ResponseInit = 200): Response {
  const options = typeof init === "number" ? { status: init } : init;
  return Response.json(data, options);
}

async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("validation", "The request body is not valid JSON.", { fields: [{ path: "body", message: "invalid JSON" }] });
  }
}

function parse(schema: Schema | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, where);
  return result.data;
}

async function authorize(request: Request, permission: Permission | "public"): Promise<Principal | null> {
  // Public routes (health) must answer without a database lookup: they report that the database is down.
  if (permission === "public") return null;
  const principal = await getPrincipal(request);
  if (!principal) throw new AppError("unauthenticated", "Sign in, or send an API token as `Authorization: Bearer <token>`.");
  if (!can(principal.role, permission)) {
    throw new AppError("forbidden", `Your role (${principal.role}) may not do this: it needs the "${permission}" permission.`);
  }
  return principal;
}

export function route<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  Perm extends Permission | "public" = Permission | "public",
>(
  spec: RouteSpec<P, Q, B> & { permission: Perm },
  handler: (ctx: Context<P, Q, B, Perm extends "public" ? null : Principal>) => Promise<Response | unknown>,
) {
  return async (request: Request, context?: NextContext): Promise<Response> => {
    try {
      const principal = await authorize(request, spec.permission);
      const rawParams = (await context?.params) ?? {};
      const params = parse(spec.params, rawParams, "params");
      const query = parse(spec.query, Object.fromEntries(new URL(request.url).searchParams), "query");
      const body = spec.body ? parse(spec.body, await readBody(request), "body") : undefined;
      const result = await handler({ principal, params, query, body, request } as never);
      return result instanceof Response ? result : json(result);
    } catch (error) {
      return problemResponse(error);
    }
  };
}
