-- AlterTable
ALTER TABLE "Release" ADD COLUMN     "committedAt" TIMESTAMP(3);
