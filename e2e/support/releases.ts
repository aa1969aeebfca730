// Fixtures for the deploy-and-rollback journey: more releases of a test service, and a canary that waits
// for a person to promote it instead of a timed pause.
import { randomUUID } from "node:crypto";
import { userIdByEmail, withDatabase } from "./database";

/** Inserts release `version` of the service (authored by the demo developer) and returns its id. */
export async function createRelease({ serviceId, version }: { serviceId: string; version: string }): Promise<string> {
  const authorId = await userIdByEmail("dev@flightdeck.local");
  const id = `rel_${randomUUID().slice(0, 12)}`;
  const digest = `sha256:${randomUUID().replaceAll("-", "").padEnd(64, "0")}`;
  await withDatabase((client) =>
    client.query(`INSERT INTO "Release" (id, "serviceId", version, image, digest, "authorId") VALUES ($1, $2, $3, $4, $5, $6)`, [
      id,
      serviceId,
      version,
      `sample:${version}`,
      digest,
      authorId,
    ]),
  );
  return id;
}

/** Canary steps of the target wait for Promote (stepPauseSeconds NULL) rather than 60 s. */
export async function waitForPromoteOnCanary(targetId: string): Promise<void> {
  await withDatabase((client) => client.query(`UPDATE "Target" SET "stepPauseSeconds" = NULL WHERE id = $1`, [targetId]));
}

export async function serviceSlug(serviceId: string): Promise<string> {
  return withDatabase(
    async (client) => (await client.query<{ slug: string }>(`SELECT slug FROM "Service" WHERE id = $1`, [serviceId])).rows[0]!.slug,
  );
}
