// `npm run secrets:rotate`: re-encrypts every stored secret under FLIGHTDECK_SECRET_KEY and says how many.
// Rotating a key: set FLIGHTDECK_SECRET_KEYS_PREVIOUS to the old key and FLIGHTDECK_SECRET_KEY to a new one
// (`openssl rand -base64 32`) for the app, the workers and this command; run it; then drop the old key.
import { loadLocalEnv } from "./load-local-env";
import { root } from "./run-step";

loadLocalEnv(root);

async function main(): Promise<void> {
  const { rotateSecrets } = await import("@/lib/services/rotate-secrets");
  const { disconnectDb } = await import("@/lib/db");
  try {
    const report = await rotateSecrets();
    for (const c of report.columns) {
      console.log(
        `${c.label}: ${c.reencrypted} re-encrypted, ${c.encryptedPlaintext} plaintext encrypted, ${c.alreadyCurrent} already under the current key`,
      );
    }
    console.log(
      `Re-encrypted ${report.reencrypted + report.encryptedPlaintext} secret(s) under key ${report.keyId}; ` +
        `${report.alreadyCurrent} already were. Keys in FLIGHTDECK_SECRET_KEYS_PREVIOUS are no longer needed.`,
    );
  } finally {
    await disconnectDb();
  }
}

main().catch((error: unknown) => {
  console.error(`Secrets were not rotated: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
