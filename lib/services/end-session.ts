// Signing out: the session is revoked on the server, so a copy of the cookie (a shared machine, a stolen
// cookie, a browser that kept it) is refused from then on, not only the browser that signed out.
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";

export async function endSession({ sessionId, now = new Date() }: { sessionId: string; now?: Date }): Promise<void> {
  await db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { id: sessionId }, include: { user: true } });
    if (!session || session.revokedAt) return;
    await tx.session.update({ where: { id: sessionId }, data: { revokedAt: now } });
    await recordAudit(
      tx,
      { userId: session.userId, label: session.user.email },
      { action: "auth.sign_out", subjectType: "user", subjectId: session.userId, details: { sessionId } },
    );
  });
}
