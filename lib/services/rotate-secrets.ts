// Re-encrypts every stored secret under the current key (FLIGHTDECK_SECRET_KEY), in one transaction: values
// under a previous key, and values a migration left marked as plaintext. Each value is decrypted first, so a
// value no configured key can read (or one that was altered) stops the rotation with nothing changed.
import { AppError } from "@/lib/api/app-error";
import { PLAINTEXT_MARK, SECRET_COLUMNS } from "@/lib/crypto/secret-columns";
import { decryptSecret, encryptSecret, isUnderCurrentKey } from "@/lib/crypto/secret-box";
import { keyringFromEnv, type SecretKeyring } from "@/lib/crypto/secret-keyring";
import { db, type PrismaClient } from "@/lib/db";

export type ColumnReport = { label: string; reencrypted: number; encryptedPlaintext: number; alreadyCurrent: number };
export type RotationReport = {
  keyId: string;
  columns: ColumnReport[];
  reencrypted: number;
  encryptedPlaintext: number;
  alreadyCurrent: number;
};

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** Whether any secret column still holds a value marked as plaintext (what db:migrate checks). */
export async function hasPlaintextSecrets(client: PrismaClient = db): Promise<boolean> {
  for (const { table, column } of SECRET_COLUMNS) {
    const rows = await client.$queryRawUnsafe<unknown[]>(
      `SELECT 1 FROM ${quote(table)} WHERE ${quote(column)} LIKE $1 LIMIT 1`,
      `${PLAINTEXT_MARK}%`,
    );
    if (rows.length > 0) return true;
  }
  return false;
}

export async function rotateSecrets({
  keyring = keyringFromEnv(),
  client = db,
}: { keyring?: SecretKeyring; client?: PrismaClient } = {}): Promise<RotationReport> {
  const columns = await client.$transaction(
    async (tx) => {
      const reports: ColumnReport[] = [];
      for (const { table, column, label } of SECRET_COLUMNS) {
        const report = { label, reencrypted: 0, encryptedPlaintext: 0, alreadyCurrent: 0 };
        const rows = await tx.$queryRawUnsafe<{ id: string; value: string }[]>(
          `SELECT "id", ${quote(column)} AS "value" FROM ${quote(table)} WHERE ${quote(column)} IS NOT NULL ORDER BY "id" FOR UPDATE`,
        );
        for (const { id, value } of rows) {
          let plaintext: string;
          try {
            plaintext = value.startsWith(PLAINTEXT_MARK) ? value.slice(PLAINTEXT_MARK.length) : decryptSecret(value, keyring);
          } catch (error) {
            throw new AppError("internal", `${table} ${id}: ${(error as Error).message} Nothing was rotated.`);
          }
          if (!value.startsWith(PLAINTEXT_MARK) && isUnderCurrentKey(value, keyring)) {
            report.alreadyCurrent += 1;
            continue;
          }
          await tx.$executeRawUnsafe(
            `UPDATE ${quote(table)} SET ${quote(column)} = $1 WHERE "id" = $2`,
            encryptSecret(plaintext, keyring),
            id,
          );
          if (value.startsWith(PLAINTEXT_MARK)) report.encryptedPlaintext += 1;
          else report.reencrypted += 1;
        }
        reports.push(report);
      }
      return reports;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  const sum = (key: "reencrypted" | "encryptedPlaintext" | "alreadyCurrent") => columns.reduce((n, c) => n + c[key], 0);
  return {
    keyId: keyring.current.id,
    columns,
    reencrypted: sum("reencrypted"),
    encryptedPlaintext: sum("encryptedPlaintext"),
    alreadyCurrent: sum("alreadyCurrent"),
  };
}
