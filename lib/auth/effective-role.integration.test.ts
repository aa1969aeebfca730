// API tokens act with the lower of their own role and their owner's current one, through the real route
// handlers and the real database: a demoted admin's admin token can neither read users nor mint tokens.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { GET as listUsers } from "@/app/api/v1/users/route";
import { POST as createToken } from "@/app/api/v1/tokens/route";
import { generateApiToken } from "@/lib/auth/api-token";
import { disconnectDb, getDb } from "@/lib/db";
import { createApiToken } from "@/lib/services/create-api-token";
import { getPrincipal } from "./get-principal";
import type { Role } from "./permissions";

const run = randomBytes(3).toString("hex");

async function ownerWithToken(name: string, ownerRole: Role, tokenRole: Role): Promise<{ userId: string; token: string }> {
  const owner = await getDb().user.create({ data: { email: `${name}-${run}@role.test`, name, role: ownerRole } });
  const { token, prefix, tokenHash } = generateApiToken();
  await getDb().apiToken.create({ data: { name, prefix, tokenHash, role: tokenRole, ownerId: owner.id } });
  return { userId: owner.id, token };
}

const bearer = (token: string, init: RequestInit = {}) =>
  new Request("http://test/api/v1/x", { ...init, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } });

const mint = (token: string, role: Role) =>
  createToken(bearer(token, { method: "POST", body: JSON.stringify({ name: `minted ${role}`, role }) }));

afterAll(() => disconnectDb());

describe("a token's effective role", () => {
  it("follows its owner's demotion: the admin token of a demoted admin may not read users or mint tokens", async () => {
    const { userId, token } = await ownerWithToken("demoted", "admin", "admin");
    expect((await listUsers(bearer(token))).status).toBe(200);
    expect((await mint(token, "admin")).status).toBe(201);

    await getDb().user.update({ where: { id: userId }, data: { role: "developer" } });
    const users = await listUsers(bearer(token));
    expect(users.status).toBe(403);
    expect((await users.json()).detail).toContain("admin.manage");
    const before = await getDb().apiToken.count({ where: { ownerId: userId } });
    expect((await mint(token, "admin")).status).toBe(403);
    expect((await mint(token, "developer")).status).toBe(403);
    expect(await getDb().apiToken.count({ where: { ownerId: userId } })).toBe(before);
    expect((await getPrincipal(bearer(token)))?.role).toBe("developer");

    // Promoted back, the token has its rights again: it was never more than the owner, now it is not less.
    await getDb().user.update({ where: { id: userId }, data: { role: "admin" } });
    expect((await listUsers(bearer(token))).status).toBe(200);
  });

  it("is the lower of the two roles, and viewer where they only share viewing", async () => {
    const cases: [Role, Role, Role][] = [
      ["developer", "admin", "developer"],
      ["admin", "release_manager", "release_manager"],
      ["developer", "oncall", "viewer"],
      ["oncall", "developer", "viewer"],
      ["release_manager", "viewer", "viewer"],
    ];
    for (const [tokenRole, ownerRole, expected] of cases) {
      const { token } = await ownerWithToken(`pair-${tokenRole}-${ownerRole}`, ownerRole, tokenRole);
      expect((await getPrincipal(bearer(token)))?.role, `${tokenRole} token of a ${ownerRole}`).toBe(expected);
    }
  });

  it("is nothing once the owner is disabled", async () => {
    const { userId, token } = await ownerWithToken("disabled", "admin", "viewer");
    await getDb().user.update({ where: { id: userId }, data: { disabled: true } });
    expect((await listUsers(bearer(token))).status).toBe(401);
  });
});

describe("minting", () => {
  it("refuses a token above the creator's role, including across incomparable roles, and writes nothing", async () => {
    const creator = await getDb().user.create({ data: { email: `dev-${run}@role.test`, name: "Dev", role: "developer" } });
    const principal = {
      kind: "user" as const,
      userId: creator.id,
      email: creator.email,
      name: "Dev",
      role: "developer" as const,
      label: creator.email,
    };
    for (const role of ["oncall", "release_manager", "admin"] as const) {
      await expect(createApiToken({ principal, input: { name: `too much ${role}`, role } })).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await getDb().apiToken.count({ where: { ownerId: creator.id } })).toBe(0);
    await expect(createApiToken({ principal, input: { name: "fine", role: "viewer" } })).resolves.toMatchObject({ role: "viewer" });
  });
});
