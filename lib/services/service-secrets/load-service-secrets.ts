// The one place a service's secrets are decrypted: for the smoke runner, which resolves `{ secret: NAME }`
// header references with them. Never return the result from a route or write it to a log.
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db, type Prisma, type PrismaClient } from "@/lib/db";

type Client = PrismaClient | Prisma.TransactionClient;

/** Every secret of the service, name → plaintext value (an empty record when it has none). */
export async function loadServiceSecrets(serviceId: string, client: Client = db): Promise<Record<string, string>> {
  const rows = await client.serviceSecret.findMany({ where: { serviceId }, select: { name: true, valueEncrypted: true } });
  return Object.fromEntries(rows.map((row) => [row.name, decryptSecret(row.valueEncrypted)]));
}
