// The route wrapper against the real database: bearer tokens, the declared permission, zod parsing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { generateApiToken } from "@/lib/auth/api-token";
import { disconnectDb, getDb } from "@/lib/db";
import { json, route } from "./route";

const echo = route(
  { permission: "release.create", params: z.object({ id: z.string().regex(/^\d+$/) }), body: z.object({ version: z.string().min(1) }) },
  async ({ principal, params, body }) => json({ who: principal.label, role: principal.role, id: params.id, version: body.version }, 201),
);

const tokens: Record<string, string> = {};

async function makeToken(name: string, role: "developer" | "viewer", extra: { revokedAt?: Date; expiresAt?: Date } = {}) {
  const owner = await getDb().user.create({ data: { email: `${name}@route.test`, name, role } });
  const { token, prefix, tokenHash } = generateApiToken();
  await getDb().apiToken.create({ data: { name, prefix, tokenHash, role, ownerId: owner.id, ...extra } });
  tokens[name] = token;
}

function call(token: string | undefined, body: string, id = "42") {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = token.startsWith("Basic") ? token : `Bearer ${token}`;
  return echo(new Request("http://test/api/v1/echo", { method: "POST", headers, body }), { params: Promise.resolve({ id }) });
}

beforeAll(async () => {
  await makeToken("ci", "developer");
  await makeToken("reader", "viewer");
  await makeToken("revoked", "developer", { revokedAt: new Date() });
  await makeToken("expired", "developer", { expiresAt: new Date(Date.now() - 1000) });
});
afterAll(() => disconnectDb());

describe("route wrapper", () => {
  it("runs the handler for a token whose role has the permission, and records its use", async () => {
    const response = await call(tokens.ci, JSON.stringify({ version: "1.0.0" }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ who: "token:ci", role: "developer", id: "42", version: "1.0.0" });
    const stored = await getDb().apiToken.findFirstOrThrow({ where: { name: "ci" } });
    expect(stored.lastUsedAt).not.toBeNull();
  });

  it("answers 403 naming the permission for a role without it", async () => {
    const response = await call(tokens.reader, JSON.stringify({ version: "1.0.0" }));
    expect(response.status).toBe(403);
    expect((await response.json()).detail).toContain("release.create");
  });

  it.each(["revoked", "expired"])("answers 401 for a %s token", async (name) => {
    expect((await call(tokens[name], "{}")).status).toBe(401);
    expect((await call("fdt_not-a-real-token", "{}")).status).toBe(401);
    expect((await call("Basic abc", "{}")).status).toBe(401);
  });

  it("answers 422 naming the fields for bad params, bad body and bad JSON", async () => {
    const badBody = await (await call(tokens.ci, JSON.stringify({ version: "" }))).json();
    expect(badBody.errors).toEqual([expect.objectContaining({ path: "body.version" })]);
    const badParams = await (await call(tokens.ci, JSON.stringify({ version: "1" }), "abc")).json();
    expect(badParams.errors).toEqual([expect.objectContaining({ path: "params.id" })]);
    const badJson = await call(tokens.ci, "{not json");
    expect(badJson.status).toBe(422);
    expect((await badJson.json()).detail).toMatch(/not valid JSON/);
  });
});
