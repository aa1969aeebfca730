-- CreateEnum
CREATE TYPE "AnalysisPhase" AS ENUM ('canary_step', 'blue_green_switch', 'watch');

-- CreateEnum
CREATE TYPE "AnalysisStatus" AS ENUM ('running', 'finished');

-- CreateEnum
CREATE TYPE "MeasurementVerdict" AS ENUM ('pass', 'fail', 'inconclusive', 'insufficient', 'error');

-- DropIndex
DROP INDEX "Measurement_analysisRunId_idx";

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "analysis" JSONB NOT NULL DEFAULT '{"enabled":false}';

-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "metricsSource" JSONB NOT NULL DEFAULT '{"type":"local"}';

-- AlterTable
ALTER TABLE "AnalysisRun" ADD COLUMN     "phase" "AnalysisPhase" NOT NULL DEFAULT 'canary_step',
ADD COLUMN     "status" "AnalysisStatus" NOT NULL DEFAULT 'running';

-- Nothing wrote Measurement before this migration; the new NOT NULL columns need an empty table.
DELETE FROM "Measurement";

-- AlterTable
ALTER TABLE "Measurement" ADD COLUMN     "dryRun" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "revision" TEXT NOT NULL,
ADD COLUMN     "revisionName" TEXT,
ADD COLUMN     "sampleCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "trigger" TEXT NOT NULL,
ADD COLUMN     "windowSeconds" INTEGER NOT NULL,
DROP COLUMN "verdict",
ADD COLUMN     "verdict" "MeasurementVerdict";

-- CreateIndex
CREATE UNIQUE INDEX "AnalysisRun_deploymentId_step_phase_key" ON "AnalysisRun"("deploymentId", "step", "phase");

-- CreateIndex
CREATE INDEX "Measurement_measuredAt_idx" ON "Measurement"("measuredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Measurement_analysisRunId_trigger_revision_measuredAt_key" ON "Measurement"("analysisRunId", "trigger", "revision", "measuredAt");
