-- The notification webhook URL becomes a secret at rest. SQL cannot encrypt with the app's key, so the
-- column is renamed (keeping the values) and each existing URL is marked `plaintext:`; `npm run db:migrate`
-- then encrypts every marked value with FLIGHTDECK_SECRET_KEY in the same run (lib/services/rotate-secrets.ts),
-- and the app never reads a marked value as a secret.
-- (Prisma's diff would drop the column and add a new one, losing the URLs.)

-- AlterTable
ALTER TABLE "Environment" RENAME COLUMN "notifyWebhookUrl" TO "notifyWebhookEncrypted";
UPDATE "Environment" SET "notifyWebhookEncrypted" = 'plaintext:' || "notifyWebhookEncrypted"
  WHERE "notifyWebhookEncrypted" IS NOT NULL;
