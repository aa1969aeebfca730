// Checks a JWT signed with a service account's private key (RS256), as google-auth-library makes them: the
// assertion of the JWT-bearer grant at the token endpoint, and the self-signed JWT that the Cloud Run client
// sends as its bearer token when it holds a service-account key (google-auth-library's JWTAccess).
import { verify } from "node:crypto";
import type { ServiceAccountPublicKey } from "./service-account-key";

// Google's limit on a JWT's lifetime, and the clock skew it tolerates.
const MAX_LIFETIME_S = 3600;
const SKEW_S = 300;

export type VerifiedJwt = { email: string; claims: Record<string, unknown> };

/** Why a JWT was refused; the messages are Google's (`invalid_grant: Invalid JWT Signature.`…). */
export class JwtRefusal extends Error {}

function decodePart(part: string | undefined, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8"));
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Falls through to the refusal below.
  }
  throw new JwtRefusal(`Invalid JWT: the ${what} is not a JSON object.`);
}

/** The signer and claims of `token`, or a JwtRefusal; the caller checks audience and scope. */
export function verifyGoogleJwt({ token, keys, nowMs }: { token: string; keys: ServiceAccountPublicKey[]; nowMs: number }): VerifiedJwt {
  const parts = token.split(".");
  if (parts.length !== 3) throw new JwtRefusal("Invalid JWT: not three base64url parts.");
  const header = decodePart(parts[0], "header");
  const claims = decodePart(parts[1], "claim set");
  if (header.alg !== "RS256") throw new JwtRefusal(`Invalid JWT: algorithm ${String(header.alg)} is not RS256.`);
  const issuer = typeof claims.iss === "string" ? claims.iss : "";
  // With a `kid` only that key may have signed; without one (a key JSON without private_key_id) any key of the issuer.
  const candidates = keys.filter((key) => key.email === issuer && (header.kid === undefined || header.kid === key.keyId));
  if (candidates.length === 0) throw new JwtRefusal("Invalid JWT Signature.");
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2]!, "base64url");
  if (!candidates.some((key) => verify("RSA-SHA256", signed, key.publicKey, signature))) throw new JwtRefusal("Invalid JWT Signature.");
  const now = Math.floor(nowMs / 1000);
  const { iat, exp } = claims;
  if (typeof iat !== "number" || typeof exp !== "number" || exp - iat > MAX_LIFETIME_S || iat > now + SKEW_S || exp < now - SKEW_S) {
    throw new JwtRefusal(
      "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.",
    );
  }
  if (claims.sub !== undefined && claims.sub !== issuer) throw new JwtRefusal("Invalid JWT: the subject is not the issuer.");
  return { email: issuer, claims };
}
