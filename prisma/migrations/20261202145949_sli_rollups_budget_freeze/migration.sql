-- CreateEnum
CREATE TYPE "SliResolution" AS ENUM ('minute', 'hour');

-- AlterEnum
ALTER TYPE "ReviewReason" ADD VALUE 'budget_override';

-- AlterTable
ALTER TABLE "Environment" ADD COLUMN     "budgetFreeze" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SliRollup" (
    "targetId" TEXT NOT NULL,
    "resolution" "SliResolution" NOT NULL,
    "bucketStart" TIMESTAMP(3) NOT NULL,
    "requests" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "latencyCounts" INTEGER[],
    "cpuPercent" DOUBLE PRECISION,
    "memoryPercent" DOUBLE PRECISION,

    CONSTRAINT "SliRollup_pkey" PRIMARY KEY ("targetId","resolution","bucketStart")
);

-- CreateIndex
CREATE INDEX "SliRollup_resolution_bucketStart_idx" ON "SliRollup"("resolution", "bucketStart");

-- AddForeignKey
ALTER TABLE "SliRollup" ADD CONSTRAINT "SliRollup_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE CASCADE ON UPDATE CASCADE;
