// Creates an API token acting with a role no higher than its creator's. The secret is returned once.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import { generateApiToken } from "@/lib/auth/api-token";
import { isRoleWithin, ROLE_LABELS } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import type { CreateTokenInput } from "@/lib/schemas/tokens";
import { toApiTokenView, tokenOwnerSelect, type ApiTokenView } from "./list-api-tokens";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function createApiToken({
  principal,
  input,
  now = new Date(),
}: {
  principal: Principal;
  input: CreateTokenInput;
  now?: Date;
}): Promise<ApiTokenView & { token: string }> {
  if (!isRoleWithin(input.role, principal.role)) {
    throw new AppError(
      "forbidden",
      `A token cannot have more rights than its creator: your role is ${ROLE_LABELS[principal.role]}, the token asked for ${ROLE_LABELS[input.role]}.`,
      {
        fields: [{ path: "body.role", message: "above your own role" }],
      },
    );
  }
  const { token, prefix, tokenHash } = generateApiToken();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null;
  return db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { name: input.name, role: input.role, prefix, tokenHash, ownerId: principal.userId, expiresAt, createdAt: now },
      include: tokenOwnerSelect,
    });
    await recordAudit(tx, actorOf(principal), {
      action: "token.created",
      subjectType: "api_token",
      subjectId: created.id,
      details: { name: created.name, prefix, role: created.role, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { ...toApiTokenView(created), token };
  });
}
