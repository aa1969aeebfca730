// Catalog fixtures for the permission matrix: services and archived targets written straight to the
// e2e database, so each call of the matrix has a fresh subject.
import { randomUUID } from "node:crypto";
import { withDatabase } from "./database";

/** A service of its own (no targets, no releases); archived when asked. Returns its id and slug. */
export async function insertService({ archived = false } = {}): Promise<{ id: string; slug: string }> {
  const tag = randomUUID().slice(0, 8);
  const [id, slug] = [`svc_${tag}`, `matrix-${tag}`];
  await withDatabase((client) =>
    client.query(`INSERT INTO "Service" (id, slug, name, "archivedAt") VALUES ($1, $2, $3, $4)`, [
      id,
      slug,
      `Matrix ${tag}`,
      archived ? new Date() : null,
    ]),
  );
  return { id, slug };
}

export async function archiveTarget(targetId: string): Promise<void> {
  await withDatabase((client) => client.query(`UPDATE "Target" SET "archivedAt" = now() WHERE id = $1`, [targetId]));
}

/** A service with one secret, for the secret routes' matrix (deleting never decrypts, so any value will do). */
export async function insertServiceWithSecret(name: string): Promise<{ id: string }> {
  const service = await insertService();
  await withDatabase((client) =>
    client.query(`INSERT INTO "ServiceSecret" (id, "serviceId", name, "valueEncrypted", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
      `sec-${service.id}`,
      service.id,
      name,
      "v1:e2e:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA",
    ]),
  );
  return service;
}
