// Authentication as Google does it for the Cloud Run Admin API: an OAuth token endpoint (the JWT-bearer
// grant, RFC 7523, the exchange google-auth-library's JWT client performs) and the check of every API
// request's bearer token, which is either an access token issued here or a self-signed JWT of a known key.
import { randomBytes } from "node:crypto";
import { errorInfo, GoogleApiError } from "./google-api-error";
import type { ServiceAccountPublicKey } from "./service-account-key";
import { JwtRefusal, verifyGoogleJwt } from "./verify-google-jwt";

const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
const TOKEN_LIFETIME_S = 3600;
const CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
// google-auth-library 11 signs its assertions for Google's token URL whatever the key's token_uri says.
const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";
// A self-signed JWT without scopes names the API as its audience: the real host, or the one the client was pointed at.
const API_AUDIENCES = ["https://run.googleapis.com/", "https://127.0.0.1/", "https://localhost/"];

export type TokenAnswer = { status: number; body: Record<string, unknown> };

export type CloudRunAuth = {
  /** POST /token with a form body: an access token, or Google's OAuth error JSON. */
  exchange: (form: URLSearchParams) => TokenAnswer;
  /** The caller's service-account email; a GoogleApiError UNAUTHENTICATED when the header proves nothing. */
  authenticate: (authorization: string | undefined) => string;
  /** How many access tokens the token endpoint has issued (each one a completed JWT-bearer exchange). */
  issuedTokens: () => number;
};

function hasCloudPlatformScope(claims: Record<string, unknown>): boolean {
  return typeof claims.scope === "string" && claims.scope.split(" ").includes(CLOUD_PLATFORM_SCOPE);
}

function unauthenticated(why: string): GoogleApiError {
  return new GoogleApiError(
    "UNAUTHENTICATED",
    `Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. (${why})`,
    [errorInfo({ reason: "ACCESS_TOKEN_TYPE_UNSUPPORTED", domain: "googleapis.com", metadata: { service: "run.googleapis.com" } })],
  );
}

export function createCloudRunAuth({ keys, tokenUri }: { keys: ServiceAccountPublicKey[]; tokenUri: string }): CloudRunAuth {
  const tokens = new Map<string, { email: string; expiresAtMs: number }>();

  const exchange = (form: URLSearchParams): TokenAnswer => {
    const grantType = form.get("grant_type");
    if (grantType !== JWT_BEARER) {
      return { status: 400, body: { error: "unsupported_grant_type", error_description: `Invalid grant_type: ${grantType ?? ""}` } };
    }
    try {
      const { email, claims } = verifyGoogleJwt({ token: form.get("assertion") ?? "", keys, nowMs: Date.now() });
      if (claims.aud !== tokenUri && claims.aud !== GOOGLE_TOKEN_URL) throw new JwtRefusal("Invalid JWT: Failed audience check.");
      if (!hasCloudPlatformScope(claims)) {
        return { status: 400, body: { error: "invalid_scope", error_description: "Invalid OAuth scope or ID token audience provided." } };
      }
      const accessToken = `ya29.${randomBytes(32).toString("base64url")}`;
      tokens.set(accessToken, { email, expiresAtMs: Date.now() + TOKEN_LIFETIME_S * 1000 });
      return { status: 200, body: { access_token: accessToken, expires_in: TOKEN_LIFETIME_S - 1, token_type: "Bearer" } };
    } catch (error) {
      if (!(error instanceof JwtRefusal)) throw error;
      return { status: 400, body: { error: "invalid_grant", error_description: error.message } };
    }
  };

  const authenticate = (authorization: string | undefined): string => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
    if (!match) throw unauthenticated("no bearer token");
    const token = match[1]!;
    const issued = tokens.get(token);
    if (issued) {
      if (issued.expiresAtMs > Date.now()) return issued.email;
      throw unauthenticated("the access token has expired");
    }
    if (token.split(".").length !== 3) throw unauthenticated("unknown access token");
    try {
      const { email, claims } = verifyGoogleJwt({ token, keys, nowMs: Date.now() });
      const audienceOk = typeof claims.aud === "string" && API_AUDIENCES.includes(claims.aud);
      if (!audienceOk && !hasCloudPlatformScope(claims)) throw new JwtRefusal("neither a cloud-platform scope nor the API as audience");
      return email;
    } catch (error) {
      if (error instanceof JwtRefusal) throw unauthenticated(error.message);
      throw error;
    }
  };

  let issued = 0;
  const counted = (form: URLSearchParams): TokenAnswer => {
    const answer = exchange(form);
    if (answer.status === 200) issued += 1;
    return answer;
  };
  return { exchange: counted, authenticate, issuedTokens: () => issued };
}
