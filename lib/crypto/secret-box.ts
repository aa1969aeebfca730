// Secrets at rest (webhook URLs, provider credentials): AES-256-GCM under the keyring's current key, stored
// as one self-describing string `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url parts). The version and key
// id are authenticated too (GCM additional data), so neither can be swapped without decryption failing.
// Every column that holds such a string is listed in secret-columns.ts, which the rotation walks.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "@/lib/api/app-error";
import { keyringFromEnv, type SecretKeyring } from "./secret-keyring";

const VERSION = "v1";
const IV_BYTES = 12; // the GCM standard nonce; random per encryption
const TAG_BYTES = 16;

type Sealed = { keyId: string; iv: Buffer; tag: Buffer; ciphertext: Buffer };

function parse(stored: string): Sealed {
  const parts = stored.split(":");
  const [version, keyId, iv, tag, ciphertext] = parts;
  if (parts.length !== 5 || version !== VERSION || !keyId || !iv || !tag || ciphertext === undefined) {
    throw new AppError("internal", `A stored secret is not in the ${VERSION} format (v1:<key id>:<iv>:<tag>:<ciphertext>).`);
  }
  const sealed = {
    keyId,
    iv: Buffer.from(iv, "base64url"),
    tag: Buffer.from(tag, "base64url"),
    ciphertext: Buffer.from(ciphertext, "base64url"),
  };
  if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) throw new AppError("internal", "A stored secret is truncated.");
  return sealed;
}

const additionalData = (keyId: string) => Buffer.from(`${VERSION}:${keyId}`);

/** Encrypts under the current key; a fresh random IV each time, so equal secrets never look equal. */
export function encryptSecret(plaintext: string, keyring: SecretKeyring = keyringFromEnv()): string {
  const { id, key } = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(id));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(":");
}

/** Decrypts with whichever key of the keyring the value names; refuses a tampered value or an unknown key. */
export function decryptSecret(stored: string, keyring: SecretKeyring = keyringFromEnv()): string {
  const { keyId, iv, tag, ciphertext } = parse(stored);
  const key = keyring.byId.get(keyId);
  if (!key) {
    throw new AppError(
      "internal",
      `A stored secret is encrypted under key ${keyId}, which is neither FLIGHTDECK_SECRET_KEY nor one of FLIGHTDECK_SECRET_KEYS_PREVIOUS.`,
    );
  }
  const decipher = createDecipheriv("aes-256-gcm", key.key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(keyId));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new AppError("internal", `A stored secret under key ${keyId} failed authentication: it was altered or corrupted.`);
  }
}

/** Whether a stored value is already encrypted under the current key (the rotation skips those). */
export function isUnderCurrentKey(stored: string, keyring: SecretKeyring = keyringFromEnv()): boolean {
  return parse(stored).keyId === keyring.current.id;
}
