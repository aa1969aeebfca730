// Demo data: the documents' services and environments, one user per role, releases with some history.
// Safe to run again: what exists is left as it is.
import { disconnectDb, getDb } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { seedCatalog } from "./seed/catalog";
import { seedHistory } from "./seed/history";
import { DEMO_PASSWORD, DEMO_USERS, seedPeople } from "./seed/people";

export async function seedDemo(): Promise<void> {
  const db = getDb();
  const users = await seedPeople(db);
  const { staging, production, services } = await seedCatalog(db);
  for (const [index, service] of services.entries()) {
    await seedHistory({ db, users, staging, production }, service, index);
  }
  await recordAudit(
    db,
    { userId: null, label: "system" },
    { action: "seed.applied", subjectType: "system", details: { services: services.map((s) => s.slug) } },
  );
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!);
if (isMain) {
  seedDemo()
    .then(() => {
      console.log(`Seeded demo data. Demo sign-ins (password "${DEMO_PASSWORD}"):`);
      for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(16)} ${u.email}`);
    })
    .catch((error: unknown) => {
      console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    })
    .finally(() => disconnectDb());
}
