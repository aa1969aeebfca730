// An admin changes a user's role, name, or disables / enables them. Each change is its own audit entry.
// A role change needs no session change: the role is re-read on every request and caps the user's tokens.
// Admins cannot demote or disable themselves, so the last admin can never lock everyone out by accident.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import type { UpdateUserInput } from "@/lib/schemas/users";
import { revokeSessionsOf } from "./end-user-sessions";
import { toUserView, type UserView } from "./list-users";

type Input = { principal: Principal; id: string; input: UpdateUserInput };

function refuseSelfLockout({ principal, id, input }: Input, currentRole: string): void {
  if (principal.userId !== id) return;
  if (input.disabled === true) {
    throw new AppError("conflict", "You cannot disable your own account. Ask another admin to do it.", {
      fields: [{ path: "body.disabled", message: "cannot disable yourself" }],
    });
  }
  if (input.role !== undefined && input.role !== currentRole) {
    throw new AppError("conflict", "You cannot change your own role. Ask another admin to do it.", {
      fields: [{ path: "body.role", message: "cannot change your own role" }],
    });
  }
}

export async function updateUser(args: Input): Promise<UserView> {
  const { principal, id, input } = args;
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found", `There is no user with id ${id}.`);
    refuseSelfLockout(args, before.role);
    const after = await tx.user.update({ where: { id }, data: input });
    const entries: AuditEntry[] = [];
    const subject = { subjectType: "user", subjectId: id };
    if (input.role !== undefined && input.role !== before.role) {
      entries.push({ action: "user.role_changed", ...subject, details: { email: after.email, from: before.role, to: after.role } });
    }
    if (input.disabled !== undefined && input.disabled !== before.disabled) {
      // Disabling ends the user's sessions too, so enabling them later does not bring old cookies back to life.
      const sessionsEnded = after.disabled ? await revokeSessionsOf(tx, id, new Date()) : 0;
      entries.push({
        action: after.disabled ? "user.disabled" : "user.enabled",
        ...subject,
        details: after.disabled ? { email: after.email, sessionsEnded } : { email: after.email },
      });
    }
    if (input.name !== undefined && input.name !== before.name) {
      entries.push({ action: "user.renamed", ...subject, details: { email: after.email, from: before.name, to: after.name } });
    }
    for (const entry of entries) await recordAudit(tx, actorOf(principal), entry);
    return toUserView(after);
  });
}
