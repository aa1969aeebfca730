// next-auth configuration: email + password for local and demo use, and a generic OpenID Connect provider
// configured by environment variables. Sessions are JWTs carrying the user id and the id of a Session row;
// every request checks that row and re-reads the user (lib/auth/get-principal.ts), so signing out, an
// admin ending the sessions, a role change or a disabled user takes effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { headers } from "next/headers";
import { env, isOidcConfigured } from "@/lib/env";
import { clientAddress } from "@/lib/auth/client-address";
import { safeRedirectUrl } from "@/lib/schemas/callback-url";
import { endSession } from "@/lib/services/end-session";
import { signInWithOidc, signInWithPassword } from "@/lib/services/sign-in";
import { startSession, type SessionOrigin } from "@/lib/services/start-session";
import { SESSION_MAX_AGE_SECONDS } from "./session-lifetime";

type OidcProfile = { sub: string; email?: string; name?: string; preferred_username?: string } & Record<string, unknown>;

function oidcProvider(): OAuthConfig<OidcProfile> {
  const e = env();
  const issuer = e.OIDC_ISSUER!.replace(/\/$/, "");
  return {
    id: "oidc",
    name: e.OIDC_NAME,
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (profile) => ({
      id: profile.sub,
      email: profile.email ?? null,
      name: profile.name ?? profile.preferred_username ?? profile.email ?? profile.sub,
    }),
  };
}

/** Where a sign-in comes from, for the session record; nothing when called outside a request. */
async function requestOrigin(trustedProxies: number): Promise<SessionOrigin> {
  try {
    const incoming = await headers();
    return { userAgent: incoming.get("user-agent"), address: clientAddress({ headers: incoming, trustedProxies }) };
  } catch {
    return {};
  }
}

export function authOptions(): NextAuthOptions {
  const e = env();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, request) => {
        const user = await signInWithPassword({
          email: typeof credentials?.email === "string" ? credentials.email : "",
          password: typeof credentials?.password === "string" ? credentials.password : "",
          address: clientAddress({ headers: request.headers ?? {}, trustedProxies: e.TRUSTED_PROXIES }),
        });
        return user ? { id: user.id, email: user.email, name: user.name } : null;
      },
    }),
  ];
  if (isOidcConfigured(e)) providers.push(oidcProvider());

  return {
    secret: e.NEXTAUTH_SECRET ?? (e.NODE_ENV === "production" ? undefined : "flightdeck-development-secret"),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    callbacks: {
      // next-auth's default accepts any URL that starts with "/", including "/\t/evil.example".
      redirect: ({ url, baseUrl }) => safeRedirectUrl({ url, baseUrl }),
      signIn: async ({ account, profile }) => {
        if (account?.provider !== "oidc") return true;
        const claims = profile as OidcProfile;
        const user = await signInWithOidc({
          subject: claims.sub,
          email: claims.email,
          name: claims.name ?? claims.preferred_username,
          role: claims[e.OIDC_ROLE_CLAIM],
        });
        if (!user) return "/signin?error=AccessDenied";
        account.userId = user.id;
        return true;
      },
      // `user` is only present at sign-in: that is when the session record is made and its id sealed into the JWT.
      jwt: async ({ token, user, account }) => {
        if (!user) return token;
        const isOidc = account?.provider === "oidc";
        const userId = isOidc ? account.userId : user.id;
        if (typeof userId !== "string") return token;
        token.uid = userId;
        token.sid = await startSession({ userId, method: isOidc ? "oidc" : "password", origin: await requestOrigin(e.TRUSTED_PROXIES) });
        return token;
      },
      session: async ({ session, token }) => ({ ...session, userId: token.uid, sessionId: token.sid }),
    },
    events: {
      // Ends the session on the server too: a copy of the cookie kept elsewhere stops working.
      signOut: async ({ token }) => {
        if (typeof token?.sid === "string") await endSession({ sessionId: token.sid });
      },
    },
  };
}
