// Resolves who is calling: `Authorization: Bearer <api token>` or the next-auth session cookie.
import { getServerSession } from "next-auth";
import { AppError } from "@/lib/api/app-error";
import { db } from "@/lib/db";
import { authOptions } from "./auth-options";
import { hashApiToken } from "./api-token";
import { lowerRole } from "./permissions";
import type { Principal } from "./principal";

// lastUsedAt is written at most this often per token, so a busy CI token does not write on every call.
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

async function principalFromSession(): Promise<Principal | null> {
  const session = (await getServerSession(authOptions())) as { userId?: string } | null;
  if (!session?.userId) return null;
  const user = await db.user.findUnique({ where: { id: session.userId } });
  if (!user || user.disabled) return null;
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
