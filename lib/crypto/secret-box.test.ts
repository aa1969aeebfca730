import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Env } from "@/lib/env";
import { decryptSecret, encryptSecret, isUnderCurrentKey } from "./secret-box";
import { createKeyring, keyringFromEnv, secretKeyId } from "./secret-keyring";

const newKey = () => randomBytes(32).toString("base64");
const oldKey = newKey();
const currentKey = newKey();
const before = createKeyring([oldKey]);
const after = createKeyring([currentKey, oldKey]);

/** Flips one bit of the base64url part at `index` of a stored value. */
function flip(stored: string, index: number): string {
  const parts = stored.split(":");
  const bytes = Buffer.from(parts[index]!, "base64url");
  bytes[0] = bytes[0]! ^ 1;
  parts[index] = bytes.toString("base64url");
  return parts.join(":");
}

describe("encryptSecret / decryptSecret", () => {
  it("round-trips, names its key, and never shows the plaintext", () => {
    const secret = "https://hooks.slack.com/services/T000/B000/XXXXXXXX";
    const stored = encryptSecret(secret, before);
    expect(stored).toMatch(/^v1:[\w-]{8}:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(stored.split(":")[1]).toBe(secretKeyId(Buffer.from(oldKey, "base64")));
    expect(stored).not.toContain("hooks.slack.com");
    expect(decryptSecret(stored, before)).toBe(secret);
    expect(decryptSecret(encryptSecret("", before), before)).toBe("");
    expect(decryptSecret(encryptSecret("kubeconfig ✓ üñí", before), before)).toBe("kubeconfig ✓ üñí");
  });

  it("gives the same secret a different ciphertext each time", () => {
    expect(encryptSecret("same", before)).not.toBe(encryptSecret("same", before));
  });

  it("detects tampering with the ciphertext, the tag, the IV or the key id", () => {
    const stored = encryptSecret("a secret value", before);
    for (const index of [2, 3, 4]) expect(() => decryptSecret(flip(stored, index), before)).toThrow(/altered or corrupted/);
    // The key id is authenticated: relabelling a value as another known key's fails too.
    const relabelled = stored.replace(before.current.id, after.current.id);
    expect(() => decryptSecret(relabelled, after)).toThrow(/altered or corrupted/);
  });

  it("refuses a value under a key it does not hold, and values not in the format", () => {
    const stored = encryptSecret("a secret value", createKeyring([newKey()]));
    expect(() => decryptSecret(stored, before)).toThrow(/neither FLIGHTDECK_SECRET_KEY nor/);
    expect(() => decryptSecret("https://plain.example/hook", before)).toThrow(/not in the v1 format/);
    expect(() => decryptSecret(stored.split(":").slice(0, 4).join(":"), before)).toThrow(/not in the v1 format/);
  });

  it("after a rotation, reads values under the previous key and writes under the new one", () => {
    const old = encryptSecret("rotate me", before);
    expect(isUnderCurrentKey(old, before)).toBe(true);
    expect(isUnderCurrentKey(old, after)).toBe(false);
    expect(decryptSecret(old, after)).toBe("rotate me");
    const rotated = encryptSecret(decryptSecret(old, after), after);
    expect(isUnderCurrentKey(rotated, after)).toBe(true);
    // Once the old key is dropped, only the re-encrypted value is readable.
    const onlyNew = createKeyring([currentKey]);
    expect(decryptSecret(rotated, onlyNew)).toBe("rotate me");
    expect(() => decryptSecret(old, onlyNew)).toThrow(/neither FLIGHTDECK_SECRET_KEY nor/);
  });
});

describe("keyringFromEnv", () => {
  it("answers 503-unavailable naming FLIGHTDECK_SECRET_KEY when no key is set", () => {
    const settings = { FLIGHTDECK_SECRET_KEY: undefined, FLIGHTDECK_SECRET_KEYS_PREVIOUS: [] } as unknown as Env;
    expect(() => keyringFromEnv(settings)).toThrow(
      expect.objectContaining({ code: "unavailable", message: expect.stringMatching(/FLIGHTDECK_SECRET_KEY is not set/) }),
    );
  });

  it("makes the current key encrypt and every listed key decrypt", () => {
    const settings = { FLIGHTDECK_SECRET_KEY: currentKey, FLIGHTDECK_SECRET_KEYS_PREVIOUS: [oldKey] } as unknown as Env;
    const keyring = keyringFromEnv(settings);
    expect(keyring.current.id).toBe(after.current.id);
    expect([...keyring.byId.keys()].sort()).toEqual([before.current.id, after.current.id].sort());
  });
});
