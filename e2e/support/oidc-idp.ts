// A real OpenID Connect identity provider (oidc-provider) for the end-to-end tests, with its built-in login
// and consent pages. Any password is accepted; the login names below carry the claims the tests rely on.
//   tsx e2e/support/oidc-idp.ts   (reads OIDC_IDP_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, APP_URL)
import Provider from "oidc-provider";

type Claims = { email: string; name: string; flightdeck_role?: string };

/** Login names the IdP knows; others get `<login>@sso.example` and no role claim. */
export const IDP_ACCOUNTS: Record<string, Claims> = {
  "sso-release": { email: "sso-release@sso.example", name: "Sam SSO", flightdeck_role: "release_manager" },
  dev: { email: "dev@flightdeck.local", name: "Dana Developer (SSO)" },
};

function claimsFor(login: string): Claims {
  return IDP_ACCOUNTS[login] ?? { email: `${login}@sso.example`, name: login };
}

export function createIdp(options: { issuer: string; clientId: string; clientSecret: string; redirectUri: string }) {
  return new Provider(options.issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "flightdeck_role"] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, email_verified: true, ...claimsFor(sub) }),
    }),
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ["flightdeck-e2e-idp-cookie-key"] },
    // The ID token carries the claims, so next-auth needs no userinfo call to see the role.
    conformIdTokenClaims: false,
  });
}

const isMain = process.argv[1]?.endsWith("oidc-idp.ts");
if (isMain) {
  const port = Number(process.env.OIDC_IDP_PORT ?? 3399);
  const appUrl = process.env.APP_URL ?? "http://127.0.0.1:3300";
  const idp = createIdp({
    issuer: `http://127.0.0.1:${port}`,
    clientId: process.env.OIDC_CLIENT_ID ?? "flightdeck-e2e",
    clientSecret: process.env.OIDC_CLIENT_SECRET ?? "flightdeck-e2e-secret",
    redirectUri: `${appUrl}/api/auth/callback/oidc`,
  });
  idp.listen(port, "127.0.0.1", () => console.log(`OIDC identity provider on http://127.0.0.1:${port}`));
}
