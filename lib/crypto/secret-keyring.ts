// The keys that protect secrets at rest: FLIGHTDECK_SECRET_KEY encrypts, it and the keys listed in
// FLIGHTDECK_SECRET_KEYS_PREVIOUS decrypt. A key's id is derived from the key itself, so a ciphertext names
// the key it needs without anyone having to name keys, and rotating is: make the old key "previous", set a
// new current one, run `npm run secrets:rotate`, then drop the old key.
import { createHash } from "node:crypto";
import { AppError } from "@/lib/api/app-error";
import { env, type Env } from "@/lib/env";

export type SecretKey = { id: string; key: Buffer };
export type SecretKeyring = { current: SecretKey; byId: ReadonlyMap<string, SecretKey> };

/** A short, public fingerprint of a key (never the key): 8 base64url characters of a hash of it. */
export function secretKeyId(key: Buffer): string {
  return createHash("sha256").update("flightdeck secret key id\0").update(key).digest("base64url").slice(0, 8);
}

/** A keyring from base64 keys, the first one current. */
export function createKeyring(keys: string[]): SecretKeyring {
  const parsed = keys.map((k) => {
    const key = Buffer.from(k, "base64");
    if (key.length !== 32) throw new AppError("internal", "A secret key must be 32 bytes (base64 of `openssl rand -base64 32`).");
    return { id: secretKeyId(key), key };
  });
  const [current] = parsed;
  if (!current) throw new AppError("internal", "A keyring needs at least one key.");
  return { current, byId: new Map(parsed.map((k) => [k.id, k])) };
}

let cached: { source: Env; keyring: SecretKeyring } | undefined;

/** The process's keyring, from lib/env. Without FLIGHTDECK_SECRET_KEY no secret can be stored or read: 503. */
export function keyringFromEnv(settings: Env = env()): SecretKeyring {
  if (cached?.source === settings) return cached.keyring;
  if (!settings.FLIGHTDECK_SECRET_KEY) {
    throw new AppError(
      "unavailable",
      "FLIGHTDECK_SECRET_KEY is not set, so secrets (webhook URLs, provider credentials) can be neither stored nor read. " +
        "Set it to the output of `openssl rand -base64 32` (npm run demo writes one into .env.local).",
    );
  }
  const keyring = createKeyring([settings.FLIGHTDECK_SECRET_KEY, ...settings.FLIGHTDECK_SECRET_KEYS_PREVIOUS]);
  cached = { source: settings, keyring };
  return keyring;
}
