// API tokens: random secrets shown once, stored as sha256 (they are long and random, so a fast hash is right).
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "fdt_";

export function generateApiToken(): { token: string; prefix: string; tokenHash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  return { token, prefix: token.slice(0, 10), tokenHash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
