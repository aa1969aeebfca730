// In front of next-auth's credentials callback: counts the attempt against the account's and the client
// address's limits, and answers 429 with Retry-After while either is locked. next-auth's `authorize` can only
// accept or refuse, never set a status, so the limit is enforced here, before next-auth reads the request.
import { recordAudit } from "@/lib/audit/record-audit";
import { problemResponse } from "@/lib/api/problem";
import { clientAddress } from "@/lib/auth/client-address";
import { reserveSignInAttempt, signInLimits, type LimitScope } from "@/lib/auth/sign-in-limiter";
import { db } from "@/lib/db";
import { describeWait } from "@/lib/domain/describe-wait";
import { env } from "@/lib/env";
import { getReadyRedis } from "@/lib/redis";

/** The error code the sign-in form reads from `url`, as next-auth's own errors travel. */
export const SIGN_IN_LIMITED = "SignInLimited";

const WHAT: Record<LimitScope, string> = {
  account: "Too many failed sign-ins for this account",
  address: "Too many failed sign-ins from your network address",
};

/** The email typed, read from a copy of the body in either encoding next-auth accepts. */
async function typedEmail(request: Request): Promise<string> {
  const type = request.headers.get("content-type") ?? "";
  const copy = request.clone();
  const body: Record<string, unknown> = type.includes("application/json")
    ? await copy.json().catch(() => ({}))
    : type.includes("application/x-www-form-urlencoded")
      ? Object.fromEntries(new URLSearchParams(await copy.text()))
      : {};
  return typeof body?.email === "string" ? body.email.trim().toLowerCase() : "";
}

/** null when the attempt may go on to next-auth; otherwise the response to send (429, or 503 when Redis is down). */
export async function guardCredentialsSignIn(request: Request): Promise<Response | null> {
  try {
    const attempt = {
      email: await typedEmail(request),
      address: clientAddress({ headers: request.headers, trustedProxies: env().TRUSTED_PROXIES }),
    };
    const reservation = await reserveSignInAttempt({ redis: await getReadyRedis(), attempt });
    if (reservation.allowed) return null;
    const { scope, retryAfterSeconds } = reservation;
    if (reservation.lockedNow) {
      await recordAudit(
        db,
        { userId: null, label: attempt.email || "unknown" },
        {
          action: "auth.signin_limited",
          subjectType: "user",
          details: { scope, address: attempt.address, lockoutSeconds: signInLimits().lockoutMs / 1000 },
        },
      );
    }
    const origin = env().NEXTAUTH_URL ?? new URL(request.url).origin;
    const body = {
      type: "about:blank#rate_limited",
      title: "Too many sign-in attempts",
      status: 429,
      detail: `${WHAT[scope]}. Try again in ${describeWait(retryAfterSeconds)}.`,
      retryAfterSeconds,
      // next-auth's client reads the error from `url`, as it does for its own refusals.
      url: `${new URL(origin).origin}/signin?error=${SIGN_IN_LIMITED}`,
    };
    return Response.json(body, {
      status: 429,
      headers: { "content-type": "application/problem+json", "retry-after": String(retryAfterSeconds), "cache-control": "no-store" },
    });
  } catch (error) {
    // Without Redis the limits cannot hold: refuse sign-in (503 naming Redis) rather than allow unlimited guessing.
    return problemResponse(error);
  }
}
