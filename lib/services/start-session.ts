// Records a new browser session at sign-in; its id goes into the session cookie. The user's dead sessions
// (not seen within the cookie's lifetime, or revoked) are pruned here, so the table stays the size of who
// is signed in rather than growing with every sign-in.
import { sessionSeenCutoff } from "@/lib/auth/session-lifetime";
import { db } from "@/lib/db";

export type SessionOrigin = { userAgent?: string | null; address?: string | null };

const MAX_USER_AGENT = 300;

export async function startSession({
  userId,
  method,
  origin = {},
  now = new Date(),
}: {
  userId: string;
  method: "password" | "oidc";
  origin?: SessionOrigin;
  now?: Date;
}): Promise<string> {
  return db.$transaction(async (tx) => {
    await tx.session.deleteMany({
      where: { userId, OR: [{ lastSeenAt: { lt: sessionSeenCutoff(now) } }, { revokedAt: { lt: sessionSeenCutoff(now) } }] },
    });
    const session = await tx.session.create({
      data: {
        userId,
        method,
        createdAt: now,
        lastSeenAt: now,
        userAgent: origin.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
        address: origin.address ?? null,
      },
    });
    return session.id;
  });
}
