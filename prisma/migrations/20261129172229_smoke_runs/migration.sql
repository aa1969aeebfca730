-- CreateEnum
CREATE TYPE "SmokeTrigger" AS ENUM ('pre_traffic', 'post_rollback', 'post_deploy', 'manual');

-- CreateEnum
CREATE TYPE "SmokeRunStatus" AS ENUM ('running', 'passed', 'failed', 'error');

-- CreateEnum
CREATE TYPE "SmokeCheckStatus" AS ENUM ('passed', 'failed', 'skipped');

-- Nothing ever wrote the old SmokeRun rows (verify was a bare health check); the new required columns
-- have no value to give them.
DELETE FROM "SmokeRun";

-- DropIndex
DROP INDEX "SmokeCheckResult_smokeRunId_idx";

-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "postDeployChecks" INTEGER,
ADD COLUMN     "postDeploySeconds" INTEGER;

-- AlterTable
ALTER TABLE "SmokeRun" DROP COLUMN "passed",
ADD COLUMN     "releaseId" TEXT,
ADD COLUMN     "serviceId" TEXT NOT NULL,
ADD COLUMN     "startedById" TEXT,
ADD COLUMN     "status" "SmokeRunStatus" NOT NULL DEFAULT 'running',
ADD COLUMN     "summary" JSONB,
ADD COLUMN     "targetId" TEXT,
ADD COLUMN     "trigger" "SmokeTrigger" NOT NULL,
ADD COLUMN     "url" TEXT NOT NULL,
ALTER COLUMN "deploymentId" DROP NOT NULL,
ALTER COLUMN "revision" DROP NOT NULL;

-- AlterTable
ALTER TABLE "SmokeCheckResult" DROP COLUMN "passed",
ADD COLUMN     "kind" TEXT NOT NULL,
ADD COLUMN     "position" INTEGER NOT NULL,
ADD COLUMN     "status" "SmokeCheckStatus" NOT NULL,
DROP COLUMN "detail",
ADD COLUMN     "detail" JSONB NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE INDEX "SmokeRun_serviceId_startedAt_idx" ON "SmokeRun"("serviceId", "startedAt");

-- CreateIndex
CREATE INDEX "SmokeRun_releaseId_startedAt_idx" ON "SmokeRun"("releaseId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SmokeCheckResult_smokeRunId_position_key" ON "SmokeCheckResult"("smokeRunId", "position");

-- AddForeignKey
ALTER TABLE "SmokeRun" ADD CONSTRAINT "SmokeRun_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmokeRun" ADD CONSTRAINT "SmokeRun_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmokeRun" ADD CONSTRAINT "SmokeRun_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmokeRun" ADD CONSTRAINT "SmokeRun_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
