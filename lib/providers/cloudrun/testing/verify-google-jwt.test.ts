import { createSign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createServiceAccountKey } from "./service-account-key";
import { JwtRefusal, verifyGoogleJwt } from "./verify-google-jwt";

const { json, publicKey } = createServiceAccountKey({ projectId: "demo", baseUrl: "http://127.0.0.1:1" });
const other = createServiceAccountKey({ projectId: "demo", baseUrl: "http://127.0.0.1:1" });
const now = Date.UTC(2026, 10, 30, 12) / 1000;

function sign({ privateKey, header, claims }: { privateKey: string; header: object; claims: object }): string {
  const body = `${Buffer.from(JSON.stringify(header)).toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  return `${body}.${createSign("RSA-SHA256").update(body).sign(privateKey).toString("base64url")}`;
}

const claims = {
  iss: json.client_email,
  sub: json.client_email,
  scope: "https://www.googleapis.com/auth/cloud-platform",
  iat: now,
  exp: now + 3600,
};
const header = { alg: "RS256", typ: "JWT", kid: json.private_key_id };

describe("verifyGoogleJwt", () => {
  it("accepts a JWT signed by the key it names, and says whose it is", () => {
    const token = sign({ privateKey: json.private_key, header, claims });
    expect(verifyGoogleJwt({ token, keys: [publicKey], nowMs: now * 1000 })).toEqual({ email: json.client_email, claims });
  });

  it("accepts a JWT without kid when a key of its issuer verifies it", () => {
    const token = sign({ privateKey: json.private_key, header: { alg: "RS256", typ: "JWT" }, claims });
    expect(verifyGoogleJwt({ token, keys: [other.publicKey, publicKey], nowMs: now * 1000 }).email).toBe(json.client_email);
  });

  it("refuses a JWT signed with another private key", () => {
    const token = sign({ privateKey: other.json.private_key, header, claims });
    expect(() => verifyGoogleJwt({ token, keys: [publicKey], nowMs: now * 1000 })).toThrow(new JwtRefusal("Invalid JWT Signature."));
  });

  it("refuses an issuer it has no key for, another algorithm and a malformed token", () => {
    const stranger = sign({ privateKey: json.private_key, header, claims: { ...claims, iss: "x@y.iam.gserviceaccount.com" } });
    expect(() => verifyGoogleJwt({ token: stranger, keys: [publicKey], nowMs: now * 1000 })).toThrow(/Invalid JWT Signature/);
    const hs = sign({ privateKey: json.private_key, header: { ...header, alg: "HS256" }, claims });
    expect(() => verifyGoogleJwt({ token: hs, keys: [publicKey], nowMs: now * 1000 })).toThrow(/not RS256/);
    expect(() => verifyGoogleJwt({ token: "a.b", keys: [publicKey], nowMs: now * 1000 })).toThrow(JwtRefusal);
  });

  it("refuses expired and long-lived tokens", () => {
    const token = sign({ privateKey: json.private_key, header, claims });
    expect(() => verifyGoogleJwt({ token, keys: [publicKey], nowMs: (now + 2 * 3600) * 1000 })).toThrow(/short-lived/);
    const long = sign({ privateKey: json.private_key, header, claims: { ...claims, exp: now + 7200 } });
    expect(() => verifyGoogleJwt({ token: long, keys: [publicKey], nowMs: now * 1000 })).toThrow(/short-lived/);
  });
});
