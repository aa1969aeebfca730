-- AlterTable
ALTER TABLE "Release" ADD COLUMN     "env" JSONB NOT NULL DEFAULT '{}';
