-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "generation" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pausedReason" TEXT,
ADD COLUMN     "resumeAt" TIMESTAMP(3);
