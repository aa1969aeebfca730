// An admin creates a user with an initial password; the audit entry records who, never the password.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import type { CreateUserInput } from "@/lib/schemas/users";
import { toUserView, type UserView } from "./list-users";

export async function createUser({ principal, input }: { principal: Principal; input: CreateUserInput }): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing)
      throw new AppError("conflict", `A user with the email ${input.email} already exists.`, {
        fields: [{ path: "body.email", message: "already in use" }],
      });
    const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash } });
    await recordAudit(tx, actorOf(principal), {
      action: "user.created",
      subjectType: "user",
      subjectId: user.id,
      details: { email: user.email, name: user.name, role: user.role },
    });
    return toUserView(user);
  });
}
