// User and API token administration against the real database: audit entries in the same transaction,
// conflicts, self-lockout refusals and idempotent revocation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiToken } from "@/lib/auth/api-token";
import type { Principal } from "@/lib/auth/principal";
import { disconnectDb, getDb } from "@/lib/db";
import { createApiToken } from "./create-api-token";
import { createUser } from "./create-user";
import { revokeApiToken } from "./revoke-api-token";
import { updateUser } from "./update-user";

let admin: Principal;
const run = Date.now().toString(36);
const auditCount = (action: string, subjectId: string) => getDb().auditEvent.count({ where: { action, subjectId } });

beforeAll(async () => {
  const user = await getDb().user.create({ data: { email: `admin-${run}@admin.test`, name: "Admin", role: "admin" } });
  admin = { kind: "user", userId: user.id, email: user.email, name: user.name, role: "admin", label: user.email };
});
afterAll(() => disconnectDb());

describe("users", () => {
  it("creates a user with a hashed password and one audit entry", async () => {
    const created = await createUser({
      principal: admin,
      input: { email: `dana-${run}@admin.test`, name: "Dana", role: "developer", password: "a-long-enough-password" },
    });
    const row = await getDb().user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(created).not.toHaveProperty("passwordHash");
    expect(await auditCount("user.created", created.id)).toBe(1);
  });

  it("answers a duplicate email with a conflict and writes nothing", async () => {
    const before = await getDb().auditEvent.count();
    await expect(
      createUser({
        principal: admin,
        input: { email: `dana-${run}@admin.test`, name: "Again", role: "viewer", password: "a-long-enough-password" },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await getDb().auditEvent.count()).toBe(before);
  });

  it("records a role change and a disable as separate audit entries", async () => {
    const target = await getDb().user.create({ data: { email: `ron-${run}@admin.test`, name: "Ron", role: "viewer" } });
    const updated = await updateUser({ principal: admin, id: target.id, input: { role: "oncall", disabled: true } });
    expect(updated).toMatchObject({ role: "oncall", disabled: true });
    expect(await auditCount("user.role_changed", target.id)).toBe(1);
    expect(await auditCount("user.disabled", target.id)).toBe(1);
  });

  it("refuses to let admins demote or disable themselves", async () => {
    await expect(updateUser({ principal: admin, id: admin.userId, input: { role: "viewer" } })).rejects.toMatchObject({ code: "conflict" });
    await expect(updateUser({ principal: admin, id: admin.userId, input: { disabled: true } })).rejects.toMatchObject({ code: "conflict" });
    const row = await getDb().user.findUniqueOrThrow({ where: { id: admin.userId } });
    expect(row).toMatchObject({ role: "admin", disabled: false });
  });
});

describe("API tokens", () => {
  it("returns the secret once, stores only its hash, and revokes idempotently", async () => {
    const created = await createApiToken({ principal: admin, input: { name: `ci-${run}`, role: "developer", expiresInDays: 7 } });
    const row = await getDb().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(created.token.startsWith(row.prefix)).toBe(true);
    expect(row.expiresAt!.getTime() - row.createdAt.getTime()).toBe(7 * 24 * 60 * 60 * 1000);

    const first = await revokeApiToken({ principal: admin, id: created.id });
    const second = await revokeApiToken({ principal: admin, id: created.id });
    expect(second.revokedAt).toBe(first.revokedAt);
    expect(await auditCount("token.revoked", created.id)).toBe(1);
    await expect(revokeApiToken({ principal: admin, id: "no-such-token" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("caps a token's role at its creator's", async () => {
    const manager: Principal = { ...admin, role: "release_manager" };
    await expect(createApiToken({ principal: manager, input: { name: `too-high-${run}`, role: "admin" } })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
