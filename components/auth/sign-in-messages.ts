// next-auth's `error` query values, said in words a person can act on.
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
};

export function signInErrorMessage(code: string): string {
  return MESSAGES[code] ?? "Sign-in failed. Try again.";
}
