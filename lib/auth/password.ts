// Password hashing with scrypt, Node's built-in memory-hard KDF (no native addon to build).
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

// N=2^15, r=8: 32 MiB of memory per hash, ~50-100 ms on our 2-core machines.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const maxmem = 64 * 1024 * 1024;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { ...PARAMS, maxmem });
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await scrypt(password, Buffer.from(salt, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// A well-formed hash with today's parameters that no password matches (its key is random bytes, not an
// scrypt output). Checking against it costs what checking a real password costs.
const DUMMY_HASH = ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, "ZmxpZ2h0ZGVjay1kdW1teQ", "q1n6Xy0v4Q2m3bL7cR8sT9uV0wX1yZ2aB3cD4eF5gH4"].join(
  "$",
);

/**
 * Checks `password` against `stored`, spending the same scrypt work when there is nothing to check against
 * (unknown user, disabled user, OIDC-only user), so the response time does not tell which accounts exist.
 */
export async function verifyPasswordInConstantTime(password: string, stored: string | null | undefined): Promise<boolean> {
  if (!stored) {
    await verifyPassword(password, DUMMY_HASH);
    return false;
  }
  return verifyPassword(password, stored);
}
