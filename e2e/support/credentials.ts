// Password sign-in and sign-out over HTTP, as the sign-in form does it, for specs that need to see the
// status codes and cookies: each client has its own cookie jar and, if given, its own client address.
import { randomUUID } from "node:crypto";
import { request, type APIRequestContext, type APIResponse } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { withDatabase } from "./database";
import { appUrl } from "./e2e-env";

export const SESSION_COOKIE = "next-auth.session-token";

/** A fresh cookie jar; `address` is sent as X-Forwarded-For, which the app reads as the client address. */
export function newClient(address?: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL: appUrl, extraHTTPHeaders: address ? { "x-forwarded-for": address } : {} });
}

export async function postCredentials(
  client: APIRequestContext,
  input: { email: string; password: string; callbackUrl?: string },
): Promise<APIResponse> {
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return client.post("/api/auth/callback/credentials", {
    form: { email: input.email, password: input.password, csrfToken, callbackUrl: input.callbackUrl ?? "/overview", json: "true" },
  });
}

export async function signOutOf(client: APIRequestContext): Promise<APIResponse> {
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return client.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/signin", json: "true" } });
}

export async function sessionCookieOf(client: APIRequestContext): Promise<string> {
  const cookie = (await client.storageState()).cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error("the client holds no session cookie");
  return cookie.value;
}

/** A client that sends nothing but this session cookie: a copy of it replayed from elsewhere. */
export function replayClient(sessionCookie: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL: appUrl, extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${sessionCookie}` } });
}

/** A user of this spec's own with a password, so that failing and locking it disturbs nobody else. */
export async function insertPasswordUser(
  role: string,
  options: { disabled?: boolean; password?: string } = {},
): Promise<{ id: string; email: string; password: string }> {
  const tag = randomUUID().slice(0, 8);
  const user = { id: `usr_${tag}`, email: `sec-${role}-${tag}@e2e.test`, password: options.password ?? `pw-${randomUUID()}` };
  const hash = await hashPassword(user.password);
  await withDatabase((client) =>
    client.query(`INSERT INTO "User" (id, email, name, role, "passwordHash", disabled) VALUES ($1, $2, $3, $4::"Role", $5, $6)`, [
      user.id,
      user.email,
      `Security ${role} ${tag}`,
      role,
      hash,
      options.disabled ?? false,
    ]),
  );
  return user;
}
