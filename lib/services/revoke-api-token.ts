// Revokes an API token. Idempotent: revoking a revoked token changes nothing and writes no second audit entry.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { toApiTokenView, tokenOwnerSelect, type ApiTokenView } from "./list-api-tokens";

export async function revokeApiToken({ principal, id }: { principal: Principal; id: string }): Promise<ApiTokenView> {
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id }, include: tokenOwnerSelect });
    if (!token) throw new AppError("not_found", `There is no API token with id ${id}.`);
    if (token.revokedAt) return toApiTokenView(token);
    // The condition on revokedAt keeps two concurrent revocations from both writing an audit entry.
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    const revoked = await tx.apiToken.findUniqueOrThrow({ where: { id }, include: tokenOwnerSelect });
    if (count === 1) {
      await recordAudit(tx, actorOf(principal), {
        action: "token.revoked",
        subjectType: "api_token",
        subjectId: id,
        details: { name: token.name, prefix: token.prefix },
      });
    }
    return toApiTokenView(revoked);
  });
}
