// Resolves who is calling: `Authorization: Bearer <api token>` or the next-auth session cookie.
import { getServerSession } from "next-auth";
import { AppError } from "@/lib/api/app-error";
import { db } from "@/lib/db";
import { authOptions } from "./auth-options";
import { hashApiToken } from "./api-token";
import { lowerRole } from "./permissions";
import type { Principal } from "./principal";

// lastUsedAt (tokens) and lastSeenAt (sessions) are written at most this often, not on every call.
const LAST_USED_RESOLUTION_MS = 60_000;

async function principalFromToken(token: string): Promise<Principal> {
  const found = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, include: { owner: true } });
  const now = new Date();
  if (!found || found.revokedAt || (found.expiresAt && found.expiresAt <= now) || found.owner.disabled) {
    throw new AppError("unauthenticated", "The API token is unknown, revoked or expired. Ask an admin for a new one.");
  }
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return {
    kind: "token",
    userId: found.ownerId,
    email: found.owner.email,
    name: found.name,
    // A token never does more than its owner may do now: demoting the owner narrows their tokens at once.
    role: lowerRole(found.role, found.owner.role),
    tokenId: found.id,
    label: `token:${found.name}`,
  };
}

// One primary-key lookup (with the user joined) per request: revoked sessions, disabled users and role
// changes all take effect on the next request, at the cost the user lookup alone had before.
async function principalFromSession(): Promise<Principal | null> {
  const session = (await getServerSession(authOptions())) as { userId?: unknown; sessionId?: unknown } | null;
  // Cookies issued before sessions were recorded carry no session id: they are treated as signed out.
  if (typeof session?.userId !== "string" || typeof session.sessionId !== "string") return null;
  const record = await db.session.findUnique({ where: { id: session.sessionId }, include: { user: true } });
  if (!record || record.revokedAt || record.userId !== session.userId || record.user.disabled) return null;
  const now = new Date();
  if (now.getTime() - record.lastSeenAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.session.update({ where: { id: record.id }, data: { lastSeenAt: now } });
  }
  const { user } = record;
  return { kind: "user", userId: user.id, email: user.email, name: user.name, role: user.role, label: user.email };
}

/** The caller, or null when nobody is signed in. A malformed or dead bearer token is an error, not anonymity. */
export async function getPrincipal(request?: Request): Promise<Principal | null> {
  const header = request?.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError("unauthenticated", "Send the API token as `Authorization: Bearer <token>`.");
    return principalFromToken(match[1]!);
  }
  return principalFromSession();
}
