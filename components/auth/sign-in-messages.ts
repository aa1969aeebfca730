// next-auth's `error` query values (and Flightdeck's own SignInLimited), said in words a person can act on.
import { describeWait } from "@/lib/domain/describe-wait";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password, or the account is disabled.",
  AccessDenied: "Your account is disabled or not allowed to sign in. Ask an admin.",
  SessionRequired: "Sign in to see that page.",
  OAuthSignin: "Single sign-on could not start. Try again, or tell an admin if it keeps failing.",
  OAuthCallback: "Single sign-on did not complete. Try again, or tell an admin if it keeps failing.",
  OAuthCreateAccount: "Single sign-on could not create your account. Ask an admin.",
  OAuthAccountNotLinked: "This email is already linked to another sign-in method.",
  Callback: "Sign-in did not complete. Try again.",
  Configuration: "Sign-in is misconfigured on the server. Tell an admin.",
  Verification: "The sign-in link is no longer valid.",
  SignInLimited: "Too many failed sign-ins. Wait a while before trying again.",
  Unavailable: "Sign-in is unavailable right now: a service it needs is down. Try again shortly, or tell an admin.",
};

export function signInErrorMessage(code: string, retryAfterSeconds?: number): string {
  if (code === "SignInLimited" && retryAfterSeconds) {
    return `Too many failed sign-ins. Try again in ${describeWait(retryAfterSeconds)}.`;
  }
  return MESSAGES[code] ?? "Sign-in failed. Try again.";
}
