-- CreateEnum
CREATE TYPE "AlertSource" AS ENUM ('rule', 'alertmanager');

-- AlterEnum
ALTER TYPE "AlertSeverity" ADD VALUE 'P4';

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "acknowledgedAt" TIMESTAMP(3),
ADD COLUMN     "acknowledgedById" TEXT,
ADD COLUMN     "condition" TEXT,
ADD COLUMN     "fingerprint" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "labels" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "openKey" TEXT,
ADD COLUMN     "source" "AlertSource" NOT NULL DEFAULT 'rule',
ADD COLUMN     "value" DOUBLE PRECISION;

-- CreateIndex
CREATE UNIQUE INDEX "Alert_openKey_key" ON "Alert"("openKey");

-- CreateIndex
CREATE INDEX "Alert_resolvedAt_severity_startedAt_idx" ON "Alert"("resolvedAt", "severity", "startedAt");

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_acknowledgedById_fkey" FOREIGN KEY ("acknowledgedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
