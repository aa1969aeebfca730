// Server-side session records against the real database: sign-out revokes one, an admin ends all of a
// user's, disabling a user ends them too, dead ones are pruned, and the users page counts the live ones.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { disconnectDb, getDb } from "@/lib/db";
import { DELETE as endSessionsRoute } from "@/app/api/v1/users/[id]/sessions/route";
import { endSession } from "./end-session";
import { endUserSessions } from "./end-user-sessions";
import { listUsers } from "./list-users";
import { startSession } from "./start-session";
import { updateUser } from "./update-user";

const run = randomBytes(3).toString("hex");
let admin: Principal;
const HOUR = 60 * 60 * 1000;

async function makeUser(name: string): Promise<string> {
  return (await getDb().user.create({ data: { email: `${name}-${run}@sessions.test`, name, role: "viewer" } })).id;
}
const live = (userId: string) => getDb().session.count({ where: { userId, revokedAt: null } });
const audits = (action: string, subjectId: string) => getDb().auditEvent.findMany({ where: { action, subjectId } });

beforeAll(async () => {
  const id = await makeUser("admin");
  await getDb().user.update({ where: { id }, data: { role: "admin" } });
  admin = {
    kind: "user",
    userId: id,
    email: `admin-${run}@sessions.test`,
    name: "admin",
    role: "admin",
    label: `admin-${run}@sessions.test`,
  };
});
afterAll(() => disconnectDb());

describe("session records", () => {
  it("records where a session comes from, and sign-out revokes exactly that one, once, audited", async () => {
    const userId = await makeUser("leaver");
    const first = await startSession({ userId, method: "password", origin: { userAgent: "x".repeat(1000), address: "192.0.2.1" } });
    const second = await startSession({ userId, method: "oidc" });
    const row = await getDb().session.findUniqueOrThrow({ where: { id: first } });
    expect(row).toMatchObject({ method: "password", address: "192.0.2.1", revokedAt: null });
    expect(row.userAgent).toHaveLength(300);

    await endSession({ sessionId: first });
    await endSession({ sessionId: first });
    expect((await getDb().session.findUniqueOrThrow({ where: { id: first } })).revokedAt).not.toBeNull();
    expect((await getDb().session.findUniqueOrThrow({ where: { id: second } })).revokedAt).toBeNull();
    expect(await audits("auth.sign_out", userId)).toHaveLength(1);
  });

  it("lets an admin end all of a user's sessions, audited with how many", async () => {
    const userId = await makeUser("lost-laptop");
    for (let i = 0; i < 3; i += 1) await startSession({ userId, method: "password" });
    expect(await endUserSessions({ principal: admin, userId })).toEqual({ ended: 3 });
    expect(await live(userId)).toBe(0);
    const [entry] = await audits("user.sessions_ended", userId);
    expect(entry).toMatchObject({ actorId: admin.userId, details: { ended: 3 } });
    await expect(endUserSessions({ principal: admin, userId: "no-such-user" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers the route for an admin token's caller and 404 for an unknown user", async () => {
    const userId = await makeUser("routed");
    await startSession({ userId, method: "password" });
    const { generateApiToken } = await import("@/lib/auth/api-token");
    const { token, prefix, tokenHash } = generateApiToken();
    await getDb().apiToken.create({ data: { name: `admin-${run}`, prefix, tokenHash, role: "admin", ownerId: admin.userId } });
    const call = (id: string) =>
      endSessionsRoute(
        new Request(`http://test/api/v1/users/${id}/sessions`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } }),
        {
          params: Promise.resolve({ id }),
        },
      );
    const response = await call(userId);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ended: 1 });
    expect((await call("no-such-user")).status).toBe(404);
  });

  it("ends a user's sessions when they are disabled, but not when their role changes", async () => {
    const userId = await makeUser("disabled");
    await startSession({ userId, method: "password" });
    await updateUser({ principal: admin, id: userId, input: { role: "developer" } });
    expect(await live(userId)).toBe(1);
    await updateUser({ principal: admin, id: userId, input: { disabled: true } });
    expect(await live(userId)).toBe(0);
    const [entry] = await audits("user.disabled", userId);
    expect(entry?.details).toMatchObject({ sessionsEnded: 1 });
  });

  it("prunes a user's dead sessions at their next sign-in, and counts only live ones on the users page", async () => {
    const userId = await makeUser("returning");
    const now = new Date();
    const stale = await startSession({ userId, method: "password", now: new Date(now.getTime() - 13 * HOUR) });
    const revoked = await startSession({ userId, method: "password", now: new Date(now.getTime() - 14 * HOUR) });
    await getDb().session.update({ where: { id: revoked }, data: { revokedAt: new Date(now.getTime() - 13 * HOUR) } });
    const ended = await startSession({ userId, method: "password", now });
    await endSession({ sessionId: ended });
    await startSession({ userId, method: "password", now });
    const rows = await getDb().session.findMany({ where: { userId } });
    expect(rows.map((r) => r.id)).not.toContain(stale);
    expect(rows.map((r) => r.id)).not.toContain(revoked);
    expect(rows).toHaveLength(2);
    const listed = (await listUsers({ now })).items.find((u) => u.id === userId);
    expect(listed?.activeSessions).toBe(1);
  });
});
