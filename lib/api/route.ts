// The route-handler wrapper: the cross-site request check, the body size limit, authentication, the declared
// permission, zod parsing of params, query and body (NUL characters refused first), error mapping and the
// security headers — once, for every /api/v1 route. A handler is a declaration around one service call.
import type { z } from "zod";
import { getPrincipal } from "@/lib/auth/get-principal";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { env, type Env } from "@/lib/env";
import { AppError } from "./app-error";
import { allowedOriginsFor, crossSiteRefusal } from "./cross-site-refusal";
import { assertNoNul } from "./nul-fields";
import { fromZodError, problemResponse } from "./problem";
import { assertDeclaredLengthWithin, readJsonBody } from "./read-json-body";
import { API_CONTENT_SECURITY_POLICY, isHttpsUrl, securityHeaders, withHeaders } from "./security-headers";

type Schema = z.ZodType;
type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export type RouteSpec<P, Q, B> = {
  /** "public" routes need no sign-in (health); every other route names the permission it needs */
  permission: Permission | "public";
  /** When it returns false the route does not exist: 404 before anything else runs, sign-in included. */
  available?: () => boolean;
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

/** Refusals that need nobody looked up: a route that is switched off, a declared oversized body, a cross-site mutation. */
function admit(request: Request, spec: { available?: () => boolean }, e: Env): void {
  if (spec.available && !spec.available()) throw new AppError("not_found", "There is no such route.");
  assertDeclaredLengthWithin(request, e.API_BODY_LIMIT_BYTES);
  const allowedOrigins = allowedOriginsFor(request, e.NEXTAUTH_URL);
  const refusal = crossSiteRefusal({ method: request.method, headers: request.headers, allowedOrigins });
  if (refusal) throw refusal;
}

async function parseInputs(
  spec: RouteSpec<unknown, unknown, unknown>,
  request: Request,
  context: NextContext | undefined,
  bodyLimit: number,
): Promise<{ params: unknown; query: unknown; body: unknown }> {
  const rawParams = (await context?.params) ?? {};
  const rawQuery = Object.fromEntries(new URL(request.url).searchParams);
  assertNoNul({ params: rawParams, query: rawQuery });
  const params = parse(spec.params as Schema | undefined, rawParams, "params");
  const query = parse(spec.query as Schema | undefined, rawQuery, "query");
  if (!spec.body) return { params, query, body: undefined };
  const rawBody = await readJsonBody(request, bodyLimit);
  assertNoNul({ body: rawBody });
  return { params, query, body: parse(spec.body as Schema, rawBody, "body") };
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
    let isHttps = false;
    let response: Response;
    try {
      const e = env();
      isHttps = isHttpsUrl(e.NEXTAUTH_URL);
      admit(request, spec, e);
      const principal = await authorize(request, spec.permission);
      const inputs = await parseInputs(spec, request, context, e.API_BODY_LIMIT_BYTES);
      const result = await handler({ principal, ...inputs, request } as never);
      response = result instanceof Response ? result : json(result);
    } catch (error) {
      response = problemResponse(error);
    }
    return withHeaders(response, securityHeaders({ csp: API_CONTENT_SECURITY_POLICY, isHttps }));
  };
}
