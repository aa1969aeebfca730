// Sign-in use cases: check a password, or link / create the user behind an OpenID Connect identity.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyPasswordInConstantTime } from "@/lib/auth/password";
import { settleSignInAttempt, signInLimits, type LimitScope } from "@/lib/auth/sign-in-limiter";
import { getReadyRedis } from "@/lib/redis";
import { ROLES, type Role } from "@/lib/auth/permissions";

type SignedIn = { id: string; email: string; name: string };

/** Records the outcome against the sign-in limits; a Redis hiccup here must not decide the sign-in. */
async function settle(attempt: { email: string; address: string }, succeeded: boolean): Promise<LimitScope[]> {
  try {
    return await settleSignInAttempt({ redis: await getReadyRedis(), attempt, succeeded });
  } catch (error) {
    console.warn(`sign-in limits: could not record the attempt — ${(error as Error).message}`);
    return [];
  }
}

/**
 * Checks an email and password. The attempt was already counted by guardCredentialsSignIn; this records how
 * it ended. Unknown, disabled and password-less accounts cost the same scrypt work as a wrong password, so
 * the response time does not reveal which accounts exist.
 */
export async function signInWithPassword(input: { email: string; password: string; address: string }): Promise<SignedIn | null> {
  const email = input.email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email } });
  const matches = await verifyPasswordInConstantTime(input.password, user?.passwordHash);
  if (!user || user.disabled || !matches) {
    const locked = await settle({ email, address: input.address }, false);
    const actor = { userId: null, label: email || "unknown" };
    await recordAudit(db, actor, {
      action: "auth.sign_in_failed",
      subjectType: "user",
      details: { method: "password", address: input.address },
    });
    for (const scope of locked) {
      await recordAudit(db, actor, {
        action: "auth.signin_limited",
        subjectType: "user",
        details: { scope, address: input.address, lockoutSeconds: signInLimits().lockoutMs / 1000 },
      });
    }
    return null;
  }
  await settle({ email, address: input.address }, true);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(
      tx,
      { userId: user.id, label: user.email },
      { action: "auth.sign_in", subjectType: "user", subjectId: user.id, details: { method: "password", address: input.address } },
    );
  });
  return { id: user.id, email: user.email, name: user.name };
}

function roleFromClaim(claim: unknown): Role | undefined {
  return typeof claim === "string" && (ROLES as readonly string[]).includes(claim) ? (claim as Role) : undefined;
}

/**
 * Links an OIDC identity to a user: by subject, else by email (first sign-in of a known user), else a new
 * user with the role from the role claim or OIDC_DEFAULT_ROLE. Returns null for disabled users.
 */
export async function signInWithOidc(input: { subject: string; email?: string; name?: string; role?: unknown }): Promise<SignedIn | null> {
  const email = (input.email ?? `${input.subject}@oidc.invalid`).toLowerCase();
  return db.$transaction(async (tx) => {
    const existing =
      (await tx.user.findUnique({ where: { oidcSubject: input.subject } })) ?? (await tx.user.findUnique({ where: { email } }));
    if (existing?.disabled) return null;
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { oidcSubject: input.subject, lastLoginAt: new Date() } })
      : await tx.user.create({
          data: {
            email,
            name: input.name ?? email,
            oidcSubject: input.subject,
            role: roleFromClaim(input.role) ?? env().OIDC_DEFAULT_ROLE,
            lastLoginAt: new Date(),
          },
        });
    const actor = { userId: user.id, label: user.email };
    if (!existing)
      await recordAudit(tx, actor, {
        action: "user.created",
        subjectType: "user",
        subjectId: user.id,
        details: { via: "oidc", role: user.role },
      });
    await recordAudit(tx, actor, { action: "auth.sign_in", subjectType: "user", subjectId: user.id, details: { method: "oidc" } });
    return { id: user.id, email: user.email, name: user.name };
  });
}
