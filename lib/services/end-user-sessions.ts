// An admin ends every session of a user (a lost laptop, a departing colleague): each of their browsers is
// signed out on its next request. API tokens are separate and revoked on their own.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db, type Prisma } from "@/lib/db";

/** Revokes the user's live sessions inside `tx`; returns how many there were. */
export async function revokeSessionsOf(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<number> {
  const { count } = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

export async function endUserSessions({
  principal,
  userId,
  now = new Date(),
}: {
  principal: Principal;
  userId: string;
  now?: Date;
}): Promise<{ ended: number }> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError("not_found", `There is no user with id ${userId}.`);
    const ended = await revokeSessionsOf(tx, userId, now);
    await recordAudit(tx, actorOf(principal), {
      action: "user.sessions_ended",
      subjectType: "user",
      subjectId: userId,
      details: { email: user.email, ended },
    });
    return { ended };
  });
}
