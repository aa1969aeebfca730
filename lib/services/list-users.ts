// Users for the admin page. Password hashes and OIDC subjects stay in the database.
import { db } from "@/lib/db";
import type { Role } from "@/lib/auth/permissions";
import { sessionSeenCutoff } from "@/lib/auth/session-lifetime";

export type UserView = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  /** "password", "oidc" or both: how this user can sign in */
  signInMethods: ("password" | "oidc")[];
  createdAt: string;
  lastLoginAt: string | null;
};

type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  passwordHash: string | null;
  oidcSubject: string | null;
  createdAt: Date;
  lastLoginAt: Date | null;
};

export function toUserView(user: UserRow): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    signInMethods: [...(user.passwordHash ? ["password" as const] : []), ...(user.oidcSubject ? ["oidc" as const] : [])],
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}

/** A row of the users page: the user and how many browsers they are signed in on. */
export type UserListItem = UserView & { activeSessions: number };

export async function listUsers({ now = new Date() }: { now?: Date } = {}): Promise<{ items: UserListItem[] }> {
  const live = { revokedAt: null, lastSeenAt: { gt: sessionSeenCutoff(now) } };
  const users = await db.user.findMany({
    orderBy: [{ disabled: "asc" }, { email: "asc" }],
    include: { _count: { select: { sessions: { where: live } } } },
  });
  return { items: users.map((user) => ({ ...toUserView(user), activeSessions: user._count.sessions })) };
}
