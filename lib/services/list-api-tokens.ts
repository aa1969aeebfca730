// API tokens for the admin page: the prefix identifies a token; the secret itself was shown once and is gone.
import { db } from "@/lib/db";
import type { Role } from "@/lib/auth/permissions";

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  owner: { id: string; email: string; name: string };
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  owner: { id: string; email: string; name: string };
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

export const tokenOwnerSelect = { owner: { select: { id: true, email: true, name: true } } } as const;

export function toApiTokenView(token: TokenRow): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    role: token.role,
    owner: token.owner,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}

export async function listApiTokens(): Promise<{ items: ApiTokenView[] }> {
  const tokens = await db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    include: tokenOwnerSelect,
  });
  return { items: tokens.map(toApiTokenView) };
}
